package org.huyou.transition.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.transition.TransitionService;

/**
 * The transition dashboard's three lists (turning eighteen, adults still here, those who have left) and the one
 * resident chosen among them, whose plan shows below. A choice in one list clears the other two; a reload keeps it.
 */
final class TransitionViewModel {

    private final TransitionService transition;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<TransitionService.Row> turning = FXCollections.observableArrayList();
    private final ObservableList<TransitionService.Row> adults = FXCollections.observableArrayList();
    private final ObservableList<TransitionService.Row> left = FXCollections.observableArrayList();
    private final ObjectProperty<TransitionService.Row> chosen = new SimpleObjectProperty<>();

    final ObjectProperty<TransitionService.Row> selectedTurning = new SimpleObjectProperty<>();
    final ObjectProperty<TransitionService.Row> selectedAdult = new SimpleObjectProperty<>();
    final ObjectProperty<TransitionService.Row> selectedLeft = new SimpleObjectProperty<>();

    TransitionViewModel(TransitionService transition, TaskRunner tasks, Notices notices) {
        this.transition = transition;
        this.tasks = tasks;
        this.notices = notices;
        List<ObjectProperty<TransitionService.Row>> selections = List.of(selectedTurning, selectedAdult, selectedLeft);
        for (ObjectProperty<TransitionService.Row> s : selections) {
            s.addListener((o, was, row) -> {
                if (row != null) {
                    selections.stream().filter(x -> x != s).forEach(x -> x.set(null));
                    chosen.set(row);
                }
            });
        }
    }

    ObservableList<TransitionService.Row> turning() {
        return turning;
    }

    ObservableList<TransitionService.Row> adults() {
        return adults;
    }

    ObservableList<TransitionService.Row> left() {
        return left;
    }

    /** The resident whose plan is shown: the last one chosen in any list; null before the first. */
    ReadOnlyObjectProperty<TransitionService.Row> chosen() {
        return chosen;
    }

    void refresh() {
        tasks.run(
                transition::dashboard,
                d -> {
                    KeptSelection.replace(turning, selectedTurning, d.turning(), TransitionService.Row::residentId);
                    KeptSelection.replace(adults, selectedAdult, d.adults(), TransitionService.Row::residentId);
                    KeptSelection.replace(left, selectedLeft, d.left(), TransitionService.Row::residentId);
                },
                notices::showError);
    }
}
