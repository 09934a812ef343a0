package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TypedInput;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.PublishedDisclosure;
import org.huyou.security.Accounts;

/** The director's public disclosure: a period (last quarter by default), the folder, and the register. */
final class DisclosureTab {

    private final DisclosureViewModel model;
    private final TableView<PublishedDisclosure> register = table("publishedTable", 180, "disclosure.none");
    private final Node root;

    DisclosureTab(DisclosureViewModel model) {
        this.model = model;
        DateField fromField = date("disclosureFrom", "disclosure.from", null);
        fromField.valueProperty().bindBidirectional(model.from);
        DateField toField = date("disclosureTo", "disclosure.to", null);
        toField.valueProperty().bindBidirectional(model.to);
        TextField folder = TypedInput.notInput(text("disclosureFolder", "disclosure.folder"));
        folder.textProperty().bindBidirectional(model.folder);
        folder.setPrefColumnCount(30);
        TextField reason = text("disclosureReason", "disclosure.correctionPrompt");
        reason.textProperty().bindBidirectional(model.reason);
        Label result = new Label();
        result.setId("disclosureResult");
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        Button export = new Button(Messages.t("disclosure.export"));
        export.setId("exportDisclosure");
        export.setOnAction(e -> {
            fromField.commitText();
            toField.commitText();
            model.export();
        });
        register.setItems(model.published());
        register.getColumns().add(Columns.text("disclosure.col.no", p -> String.valueOf(p.id()), 50));
        register.getColumns().add(Columns.text("disclosure.from", p -> Dates.format(p.from()), 95));
        register.getColumns().add(Columns.text("disclosure.to", p -> Dates.format(p.to()), 95));
        register.getColumns()
                .add(Columns.text(
                        "disclosure.col.madeAt", p -> p.madeAt().toString().replace('T', ' '), 140));
        register.getColumns().add(Columns.text("disclosure.col.madeBy", p -> Accounts.displayName(p.madeBy()), 80));
        register.getColumns()
                .add(Columns.text("disclosure.col.received", p -> DonationsModule.money(p.received()), 100));
        register.getColumns().add(Columns.text("disclosure.col.used", p -> DonationsModule.money(p.used()), 100));
        register.getColumns().add(Columns.text("disclosure.verificationTitle", p -> p.verificationCode(), 200));
        register.getColumns().add(Columns.text("disclosure.col.standing", DisclosureViewModel::standing, 260));
        Label due = new Label();
        due.setId("disclosureDue");
        due.getStyleClass().add("warning-text");
        due.setWrapText(true);
        due.textProperty().bind(model.dueProperty());
        due.visibleProperty().bind(model.dueProperty().isNotEmpty());
        due.managedProperty().bind(due.visibleProperty());
        ComboBox<DisclosureService.Schedule> schedule =
                choice("disclosureSchedule", DisclosureService.Schedule.QUARTERLY, DisclosureService.Schedule.values());
        schedule.valueProperty().bindBidirectional(model.schedule);
        Button saveSchedule = new Button(Messages.t("disclosure.saveSchedule"));
        saveSchedule.setId("saveDisclosureSchedule");
        saveSchedule.setOnAction(e -> model.saveSchedule());
        root = InlineForms.scrolled(
                heading("disclosure.heading"),
                due,
                row(true, new Label(Messages.t("disclosure.schedule")), schedule, saveSchedule),
                row(true, labelled("disclosure.from", fromField), labelled("disclosure.to", toField)),
                row(true, labelled("disclosure.folder", folder)),
                row(true, labelled("disclosure.correctionReason", reason), export),
                result,
                heading("disclosure.register"),
                register);
    }

    void refresh() {
        model.refresh();
    }

    Node node() {
        return root;
    }
}
