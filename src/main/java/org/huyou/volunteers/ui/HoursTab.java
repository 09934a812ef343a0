package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.huyou.common.Messages;
import org.huyou.common.Quantities;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.InlineForms;
import org.huyou.volunteers.HoursLine;

/** Service hours per volunteer over a period, with the period's totals. */
final class HoursTab {

    private final HoursViewModel model;
    private final DateField from;
    private final DateField to;
    private final TableView<HoursLine> table = table("hoursTable", 380, "hours.none");
    private final Label total = new Label();
    private final Node root;

    HoursTab(HoursViewModel model) {
        this.model = model;
        from = date("hoursFrom", "hours.from", null);
        to = date("hoursTo", "hours.to", null);
        from.valueProperty().bindBidirectional(model.fromProperty());
        to.valueProperty().bindBidirectional(model.toProperty());
        total.setId("hoursTotal");
        total.textProperty().bind(model.totalProperty());
        table.setItems(model.rows());
        table.getColumns().add(Columns.text("volunteer.name", HoursLine::name, 110));
        table.getColumns().add(Columns.text("volunteer.organisation", h -> InlineForms.nz(h.organisation()), 200));
        table.getColumns().add(Columns.text("hours.activities", h -> String.valueOf(h.activities()), 80));
        table.getColumns().add(Columns.text("activity.hours", h -> Quantities.plain(h.hours()), 110));
        Button show = new Button(Messages.t("hours.show"));
        show.setId("showHours");
        show.setOnAction(e -> refresh());
        FormKeys.searchOnEnter(show, from, to); // Enter in a date shows the hours, as the button does
        root = InlineForms.scrolled(
                heading("hours.title"),
                row(true, labelled("hours.from", from), labelled("hours.to", to), show),
                table,
                total);
    }

    void refresh() {
        from.commitText();
        to.commitText();
        model.refresh();
    }

    Node node() {
        return root;
    }
}
