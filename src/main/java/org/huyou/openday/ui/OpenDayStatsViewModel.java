package org.huyou.openday.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.VisitMonth;
import org.huyou.openday.VisitService;

/** Visitor statistics of a year (this one or the five before) by month, the year's total as the last row. */
public final class OpenDayStatsViewModel {

    /** The total row's month. */
    public static final int YEAR_TOTAL = 0;

    private final VisitService visits;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<Integer> years = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> year = new SimpleObjectProperty<>();
    private final ObservableList<VisitMonth> rows = FXCollections.observableArrayList();

    public OpenDayStatsViewModel(VisitService visits, TaskRunner tasks, Notices notices, int thisYear) {
        this.visits = visits;
        this.tasks = tasks;
        this.notices = notices;
        years.setAll(IntStream.rangeClosed(thisYear - 5, thisYear).boxed().toList());
        year.set(thisYear);
        year.addListener((o, a, b) -> refresh());
    }

    public void refresh() {
        int y = year.get();
        tasks.run(
                () -> visits.statistics(y),
                months -> {
                    List<VisitMonth> all = new ArrayList<>(months);
                    all.add(new VisitMonth(
                            YEAR_TOTAL,
                            months.stream().mapToInt(VisitMonth::visits).sum(),
                            months.stream().mapToInt(VisitMonth::visitors).sum(),
                            months.stream().mapToInt(VisitMonth::groups).sum()));
                    rows.setAll(all);
                },
                notices::showError);
    }

    public ObservableList<Integer> years() {
        return years;
    }

    public ObjectProperty<Integer> yearProperty() {
        return year;
    }

    public ObservableList<VisitMonth> rows() {
        return rows;
    }
}
