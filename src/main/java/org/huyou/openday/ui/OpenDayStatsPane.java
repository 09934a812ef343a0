package org.huyou.openday.ui;

import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.openday.VisitMonth;

/** Visitor statistics of a year by month (visits, visitors, groups), with the year's total as the last row. */
final class OpenDayStatsPane {

    private final OpenDayStatsViewModel model;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final TableView<VisitMonth> table = table("openDayStats", 200, "visit.noStats");
    private final Node root;

    OpenDayStatsPane(OpenDayStatsViewModel model) {
        this.model = model;
        year.setId("statsYear");
        year.setItems(model.years());
        year.setConverter(Converters.of(y -> Messages.t("common.year", y)));
        year.valueProperty().bindBidirectional(model.yearProperty());
        table.setItems(model.rows());
        table.getColumns()
                .add(Columns.text(
                        "visit.month",
                        m -> m.month() == OpenDayStatsViewModel.YEAR_TOTAL
                                ? Messages.t("visit.yearTotal")
                                : Messages.t("visit.monthN", m.month()),
                        90));
        table.getColumns().add(Columns.text("visit.visits", m -> String.valueOf(m.visits()), 90));
        table.getColumns().add(Columns.text("visit.visitors", m -> String.valueOf(m.visitors()), 90));
        table.getColumns().add(Columns.text("visit.groups", m -> String.valueOf(m.groups()), 90));
        root = new VBox(6, heading("visit.statsTitle"), row(true, year), table);
        refresh();
    }

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
