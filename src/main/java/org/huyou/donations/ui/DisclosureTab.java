package org.huyou.donations.ui;

import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DisclosureRepository;
import org.huyou.donations.DisclosureService;

/** The director's public disclosure: a period (last quarter by default), the folder, and the register. */
final class DisclosureTab {

    private final DisclosureService disclosures;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableView<DisclosureRepository.Published> register = table("publishedTable", 180, "disclosure.none");
    private final Node root;
    private final Label due = new Label();
    private final javafx.scene.control.ComboBox<DisclosureService.Schedule> schedule =
            org.huyou.common.ui.InlineForms.choice(
                    "disclosureSchedule", DisclosureService.Schedule.QUARTERLY, DisclosureService.Schedule.values());

    DisclosureTab(
            DisclosureService disclosures, TaskRunner tasks, DialogService dialogs, Clock clock, Path defaultFolder) {
        this.disclosures = disclosures;
        this.tasks = tasks;
        this.dialogs = dialogs;
        YearMonth thisQuarterStart =
                YearMonth.now(clock).withMonth((YearMonth.now(clock).getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate from = thisQuarterStart.minusMonths(3).atDay(1);
        DateField fromField = date("disclosureFrom", "disclosure.from", from);
        DateField toField =
                date("disclosureTo", "disclosure.to", thisQuarterStart.atDay(1).minusDays(1));
        TextField folder = org.huyou.common.ui.TypedInput.notInput(text("disclosureFolder", "disclosure.folder"));
        folder.setText(defaultFolder.toString());
        folder.setPrefColumnCount(30);
        Label result = new Label();
        result.setId("disclosureResult");
        result.setWrapText(true);
        Button export = new Button(Messages.t("disclosure.export"));
        export.setId("exportDisclosure");
        export.setOnAction(e -> {
            fromField.commitText();
            toField.commitText();
            tasks.run(
                    () -> disclosures.export(fromField.getValue(), toField.getValue(), Path.of(folder.getText())),
                    out -> {
                        Disclosure.FundLine t = out.disclosure().total();
                        result.setText(Messages.t(
                                "disclosure.done",
                                out.pdf(),
                                out.xlsx(),
                                DonationsModule.money(t.received()),
                                DonationsModule.money(t.used()),
                                DonationsModule.money(t.closing()),
                                out.disclosure().verificationCode()));
                        refresh();
                    },
                    dialogs::showError);
        });
        register.getColumns().add(Columns.text("disclosure.from", p -> Dates.format(p.from()), 95));
        register.getColumns().add(Columns.text("disclosure.to", p -> Dates.format(p.to()), 95));
        register.getColumns()
                .add(Columns.text(
                        "disclosure.col.madeAt", p -> p.madeAt().toString().replace('T', ' '), 140));
        register.getColumns()
                .add(Columns.text("disclosure.col.received", p -> DonationsModule.money(p.received()), 100));
        register.getColumns().add(Columns.text("disclosure.col.used", p -> DonationsModule.money(p.used()), 100));
        register.getColumns().add(Columns.text("disclosure.verificationTitle", p -> p.verificationCode(), 200));
        due.setId("disclosureDue");
        due.getStyleClass().add("warning-text");
        due.setWrapText(true);
        Button saveSchedule = new Button(Messages.t("disclosure.saveSchedule"));
        saveSchedule.setId("saveDisclosureSchedule");
        saveSchedule.setOnAction(e -> tasks.run(
                () -> {
                    disclosures.setSchedule(schedule.getValue());
                    return true;
                },
                ok -> refresh(),
                dialogs::showError));
        root = InlineForms.scrolled(
                heading("disclosure.heading"),
                due,
                row(true, new Label(Messages.t("disclosure.schedule")), schedule, saveSchedule),
                row(true, labelled("disclosure.from", fromField), labelled("disclosure.to", toField)),
                row(true, labelled("disclosure.folder", folder), export),
                result,
                heading("disclosure.register"),
                register);
    }

    private record Loaded(
            java.util.List<DisclosureRepository.Published> published,
            java.util.Optional<LocalDate[]> due,
            DisclosureService.Schedule schedule) {}

    void refresh() {
        tasks.run(
                () -> new Loaded(disclosures.published(), disclosures.due(), disclosures.schedule()),
                l -> {
                    register.getItems().setAll(l.published());
                    schedule.setValue(l.schedule());
                    due.setText(l.due()
                            .map(p -> Messages.t("disclosure.dueText", p[0].toString(), p[1].toString()))
                            .orElse(""));
                    due.setVisible(l.due().isPresent());
                    due.setManaged(l.due().isPresent());
                },
                dialogs::showError);
    }

    Node node() {
        return root;
    }
}
