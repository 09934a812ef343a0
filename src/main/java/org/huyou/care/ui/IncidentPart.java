package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Incidents and safeguarding: anyone caring for the child reports what happened; those who may read the incident
 * file see the list and record the mandatory report (强制报告) once made.
 */
public final class IncidentPart extends LoadingPart<List<Incident>> {

    private final IncidentService incidents;
    private final boolean canView;
    private final TableView<Incident> table = table("incidentTable", 160, "incident.none");
    private final VBox root;
    private final ComboBox<Incident.ReportedTo> reportedTo = new ComboBox<>();

    public IncidentPart(
            IncidentService incidents, TaskRunner tasks, DialogService dialogs, CurrentUser user, Clock clock) {
        super(tasks, dialogs, clock);
        this.incidents = incidents;
        this.canView = user.can(AppModule.INCIDENTS, Action.VIEW);
        table.getColumns()
                .add(Columns.text(
                        "incident.date", i -> Dates.format(i.date()) + (i.time() == null ? "" : " " + i.time()), 120));
        table.getColumns()
                .add(Columns.text("incident.kind", i -> i.kind().label() + voidMark(i.voided(), i.voidReason()), 100));
        table.getColumns()
                .add(Columns.text("incident.severity", i -> i.severity().label(), 60));
        table.getColumns().add(Columns.text("incident.description", i -> i.description(), 220));
        table.getColumns()
                .add(Columns.text(
                        "incident.mandatory",
                        i -> !i.mandatoryReport()
                                ? ""
                                : i.reportedAt() == null
                                        ? Messages.t("incident.reportOutstanding")
                                        : Messages.t(
                                                        "incident.reportedSummary",
                                                        i.reportedTo().label(),
                                                        i.reportedAt()
                                                                .toLocalDate()
                                                                .toString())
                                                + " " + nz(i.reportedDetail()),
                        220));
        table.getColumns().add(Columns.text("residents.col.by", i -> Accounts.displayName(i.recordedBy()), 80));
        Label hidden = new Label(Messages.t("incident.reportOnly"));
        hidden.setWrapText(true);
        hidden.setVisible(!canView);
        hidden.setManaged(!canView);
        table.setVisible(canView);
        table.setManaged(canView);
        root = InlineForms.scrolled(
                heading("incident.report"),
                reportForm(user.can(AppModule.INCIDENTS, Action.CREATE)),
                hidden,
                heading("incident.list"),
                table,
                VoidButton.under(
                        table,
                        user.can(AppModule.INCIDENTS, Action.VOID),
                        Incident::voided,
                        (i, why) -> incidents.voidIncident(i.id(), why),
                        tasks,
                        dialogs,
                        changed()),
                recordReportForm(user.can(AppModule.INCIDENTS, Action.EDIT)));
    }

    private Node reportForm(boolean visible) {
        DateField day = date("incidentDate", "incident.date", today());
        TextField time = text("incidentTime", "incident.time");
        time.setPrefColumnCount(5);
        ComboBox<Incident.Kind> kind = choice("incidentKind", null, Incident.Kind.values());
        ComboBox<Incident.Severity> severity = choice("incidentSeverity", null, Incident.Severity.values());
        TextField place = text("incidentPlace", "incident.place");
        TextArea description = area("incidentDescription", "incident.description");
        TextField action = text("incidentAction", "incident.actionTaken");
        action.setPrefColumnCount(30);
        CheckBox mandatory = new CheckBox(Messages.t("incident.mandatory"));
        mandatory.setId("incidentMandatory");
        // A suspected abuse is always reported: the box is ticked and cannot be unticked.
        kind.valueProperty().addListener((o, a, k) -> {
            if (k != null && k.alwaysReported()) {
                mandatory.setSelected(true);
            }
            mandatory.setDisable(k != null && k.alwaysReported());
        });
        ComboBox<Incident.ReportedTo> to = reportedTo;
        to.setId("incidentReportedTo");
        to.getItems().add(null);
        to.getItems().addAll(Incident.ReportedTo.values());
        to.setConverter(Converters.of(Incident.ReportedTo::label, Messages.t("incident.notYetReported")));
        TextField detail = text("incidentReportDetail", "incident.reportedDetail");
        detail.setPrefColumnCount(22);
        Button save = new Button(Messages.t("incident.save"));
        save.setId("saveIncident");
        save.setOnAction(e -> {
            day.commitText();
            LocalTime at = InlineForms.time(time.getText());
            if (at == null && !time.getText().isBlank()) {
                dialogs.showError(Messages.t("incident.badTime", time.getText()));
                return;
            }
            // A report made on the spot is recorded as made now.
            LocalDateTime reportedAt = to.getValue() == null ? null : now();
            // Read the form here, on the JavaFX thread; the save runs in the background.
            IncidentService.Report report = new IncidentService.Report(
                    day.getValue(),
                    at,
                    kind.getValue(),
                    severity.getValue(),
                    place.getText(),
                    description.getText(),
                    action.getText(),
                    mandatory.isSelected(),
                    to.getValue(),
                    detail.getText(),
                    reportedAt);
            if (residentId == null) {
                return;
            }
            long resident = residentId;
            save(() -> incidents.report(resident, report), time, place, description, action, detail);
        });
        return new VBox(
                6,
                row(visible, labelled("incident.date", day), time, kind, severity, place),
                row(visible, description),
                row(visible, action),
                row(visible, mandatory, to, detail, save));
    }

    /** Records the report of the selected incident: to whom, details, and when (date and time). */
    private Node recordReportForm(boolean visible) {
        ComboBox<Incident.ReportedTo> to = choice("reportTo", null, Incident.ReportedTo.values());
        TextField detail = text("reportDetail", "incident.reportedDetail");
        detail.setPrefColumnCount(22);
        DateField day = date("reportDate", "incident.reportedAt", today());
        TextField time = text("reportTime", "incident.time");
        time.setPrefColumnCount(5);
        time.setText(now().toLocalTime().toString());
        Button record = new Button(Messages.t("incident.recordReport"));
        record.setId("recordReport");
        record.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        record.setOnAction(e -> {
            day.commitText();
            Incident i = table.getSelectionModel().getSelectedItem();
            LocalTime at = InlineForms.time(time.getText());
            if (at == null) {
                dialogs.showError(Messages.t("incident.badTime", time.getText()));
                return;
            }
            Incident.ReportedTo whom = to.getValue();
            String what = detail.getText();
            LocalDateTime when = day.getValue() == null ? null : LocalDateTime.of(day.getValue(), at);
            save(() -> incidents.recordReport(i.id(), i.version(), whom, what, when), detail);
        });
        return row(
                visible,
                new Label(Messages.t("incident.recordReportLabel")),
                to,
                detail,
                labelled("incident.reportedAt", day),
                time,
                record);
    }

    @Override
    protected List<Incident> load(long id) {
        return canView ? incidents.incidents(id) : List.of();
    }

    @Override
    protected void fill(List<Incident> list) {
        table.getItems().setAll(list);
        reportedTo.setValue(null); // the next report starts as not yet reported
    }

    @Override
    protected void clear() {
        table.getItems().clear();
    }

    @Override
    public String title() {
        return Messages.t("careDomain.INCIDENT");
    }

    @Override
    public Node node() {
        return root;
    }
}
