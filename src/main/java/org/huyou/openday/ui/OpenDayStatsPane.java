package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.VisitRepository;
import org.huyou.openday.VisitService;

/** Visitor statistics of a year by month (visits, visitors, groups), with the year's total as the last row. */
final class OpenDayStatsPane {

    private final VisitService visits;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final TableView<VisitRepository.MonthStats> table = table("openDayStats", 200, "visit.noStats");
    private final Node root;

    OpenDayStatsPane(VisitService visits, TaskRunner tasks, DialogService dialogs, Clock clock) {
        this.visits = visits;
        this.tasks = tasks;
        this.dialogs = dialogs;
        int now = LocalDate.now(clock).getYear();
        year.setId("statsYear");
        year.getItems().setAll(IntStream.rangeClosed(now - 5, now).boxed().toList());
        year.setConverter(Converters.of(y -> Messages.t("common.year", y)));
        year.setValue(now);
        year.valueProperty().addListener((o, a, b) -> refresh());
        table.getColumns().add(Columns.text("visit.month", m -> m.month() == 0 ? Messages.t("visit.yearTotal")
                : Messages.t("visit.monthN", m.month()), 90));
        table.getColumns().add(Columns.text("visit.visits", m -> String.valueOf(m.visits()), 90));
        table.getColumns().add(Columns.text("visit.visitors", m -> String.valueOf(m.visitors()), 90));
        table.getColumns().add(Columns.text("visit.groups", m -> String.valueOf(m.groups()), 90));
        root = new VBox(6, heading("visit.statsTitle"), row(true, year), table);
        refresh();
    }

    void refresh() {
        int y = year.getValue();
        tasks.run(() -> visits.statistics(y), months -> {
            List<VisitRepository.MonthStats> rows = new ArrayList<>(months);
            rows.add(new VisitRepository.MonthStats(0, months.stream().mapToInt(VisitRepository.MonthStats::visits)
                    .sum(), months.stream().mapToInt(VisitRepository.MonthStats::visitors).sum(),
                    months.stream().mapToInt(VisitRepository.MonthStats::groups).sum()));
            table.getItems().setAll(rows);
        }, dialogs::showError);
    }

    Node node() {
        return root;
    }
}
