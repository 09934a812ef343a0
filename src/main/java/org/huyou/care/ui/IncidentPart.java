package org.huyou.care.ui;

import static org.huyou.common.ui.InlineForms.area;
import static org.huyou.common.ui.InlineForms.bound;
import static org.huyou.common.ui.InlineForms.boundDate;
import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.nz;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.time.Clock;
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
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * Incidents and safeguarding (the View of {@link IncidentViewModel}): anyone caring for the child reports what
 * happened; those who may read the incident file see the list and record the mandatory report (强制报告) once made.
 */
public final class IncidentPart implements FilePartView {

    private final IncidentViewModel model;
    private final TableView<Incident> table = table("incidentTable", 160, "incident.none");
    private final VBox root;

    public IncidentPart(
            IncidentService incidents, TaskRunner tasks, DialogService dialogs, CurrentUser user, Clock clock) {
        boolean canView = user.can(AppModule.INCIDENTS, Action.VIEW);
        model = new IncidentViewModel(incidents, canView, tasks, FieldMarks.marking(this::node, dialogs), clock);
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
        table.setItems(model.incidents());
        TableRows.follow(table, model.incident);
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
                        model::voidIncident,
                        tasks,
                        dialogs,
                        model::changed),
                recordReportForm(user.can(AppModule.INCIDENTS, Action.EDIT)));
    }

    private Node reportForm(boolean visible) {
        DateField day = boundDate("incidentDate", "incident.date", model.date);
        TextField time = bound(text("incidentTime", "incident.time"), model.time);
        time.setPrefColumnCount(5);
        ComboBox<Incident.Kind> kind = choice("incidentKind", null, Incident.Kind.values());
        kind.valueProperty().bindBidirectional(model.kind);
        ComboBox<Incident.Severity> severity = choice("incidentSeverity", null, Incident.Severity.values());
        severity.valueProperty().bindBidirectional(model.severity);
        TextField place = bound(text("incidentPlace", "incident.place"), model.place);
        TextArea description = bound(area("incidentDescription", "incident.description"), model.description);
        TextField action = bound(text("incidentAction", "incident.actionTaken"), model.action);
        action.setPrefColumnCount(30);
        CheckBox mandatory = new CheckBox(Messages.t("incident.mandatory"));
        mandatory.setId("incidentMandatory");
        mandatory.selectedProperty().bindBidirectional(model.mandatory);
        mandatory.disableProperty().bind(model.mandatoryFixedProperty());
        ComboBox<Incident.ReportedTo> to = new ComboBox<>();
        to.setId("incidentReportedTo");
        to.getItems().add(null);
        to.getItems().addAll(Incident.ReportedTo.values());
        to.setConverter(Converters.of(Incident.ReportedTo::label, Messages.t("incident.notYetReported")));
        to.valueProperty().bindBidirectional(model.reportedTo);
        TextField detail = bound(text("incidentReportDetail", "incident.reportedDetail"), model.reportedDetail);
        detail.setPrefColumnCount(22);
        Button save = new Button(Messages.t("incident.save"));
        save.setId("saveIncident");
        save.setOnAction(e -> {
            day.commitText();
            model.report();
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
        to.valueProperty().bindBidirectional(model.reportTo);
        TextField detail = bound(text("reportDetail", "incident.reportedDetail"), model.reportDetail);
        detail.setPrefColumnCount(22);
        DateField day = boundDate("reportDate", "incident.reportedAt", model.reportDate);
        TextField time = bound(text("reportTime", "incident.time"), model.reportTime);
        time.setPrefColumnCount(5);
        Button record = new Button(Messages.t("incident.recordReport"));
        record.setId("recordReport");
        record.disableProperty().bind(model.incident.isNull());
        record.setOnAction(e -> {
            day.commitText();
            model.recordReport();
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
    public FilePartViewModel<?> model() {
        return model;
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
