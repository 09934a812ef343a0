package org.huyou.care.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentService;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The incidents tab's state and commands: anyone caring for the child reports what happened (a suspected abuse always
 * carries the mandatory report); those who may read the incident file see the list and record the report once made.
 */
public final class IncidentViewModel extends FilePartViewModel<List<Incident>> {

    private final IncidentService incidents;
    private final boolean canView;
    private final Clock clock;
    private final ObservableList<Incident> list = FXCollections.observableArrayList();
    private final BooleanProperty mandatoryFixed = new SimpleBooleanProperty();

    final ObjectProperty<Incident> incident = new SimpleObjectProperty<>();

    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final StringProperty time = new SimpleStringProperty("");
    final ObjectProperty<Incident.Kind> kind = new SimpleObjectProperty<>(Incident.Kind.values()[0]);
    // No default: chosen by whoever reports, never guessed (required by the service).
    final ObjectProperty<Incident.Severity> severity = new SimpleObjectProperty<>();
    final StringProperty place = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final StringProperty action = new SimpleStringProperty("");
    final BooleanProperty mandatory = new SimpleBooleanProperty();
    /** Reported on the spot (null: not yet). */
    final ObjectProperty<Incident.ReportedTo> reportedTo = new SimpleObjectProperty<>();

    final StringProperty reportedDetail = new SimpleStringProperty("");

    final ObjectProperty<Incident.ReportedTo> reportTo = new SimpleObjectProperty<>(Incident.ReportedTo.values()[0]);
    final StringProperty reportDetail = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> reportDate = new SimpleObjectProperty<>();
    final StringProperty reportTime = new SimpleStringProperty("");

    private final FormDefaults incidentForm;
    private final FormDefaults reportForm;

    /** {@code canView}: whether this user may read the incident file (others only report). */
    public IncidentViewModel(
            IncidentService incidents, boolean canView, TaskRunner tasks, Notices notices, Clock clock) {
        super(tasks, notices);
        this.incidents = incidents;
        this.canView = canView;
        this.clock = clock;
        incidentForm = form(time, mandatory, kind, severity, place, description, action, reportedTo, reportedDetail)
                .with(date, () -> LocalDate.now(clock));
        reportForm = form(reportTo, reportDetail)
                .with(reportDate, () -> LocalDate.now(clock))
                .with(reportTime, () -> now().toLocalTime().toString());
        // A suspected abuse is always reported: the box is ticked and cannot be unticked.
        kind.addListener((o, was, k) -> {
            if (k != null && k.alwaysReported()) {
                mandatory.set(true);
            }
            mandatoryFixed.set(k != null && k.alwaysReported());
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }

    @Override
    protected List<Incident> load(long id) {
        return canView ? incidents.incidents(id) : List.of();
    }

    @Override
    protected void fill(List<Incident> loaded) {
        list.setAll(loaded);
        reportedTo.set(null); // the next report starts as not yet reported
    }

    @Override
    protected void clear() {
        list.clear();
    }

    /** The incident typed; a time that cannot be read is refused with what was typed. */
    void report() {
        LocalTime at;
        try {
            at = InlineForms.time("incidentTime", Messages.t("incident.timeOfDay"), time.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // named, and the field marked by the View
            return;
        }
        // A report made on the spot is recorded as made now.
        LocalDateTime reportedAt = reportedTo.get() == null ? null : now();
        IncidentService.Report report = new IncidentService.Report(
                date.get(),
                at,
                kind.get(),
                severity.get(),
                place.get(),
                description.get(),
                action.get(),
                mandatory.get(),
                reportedTo.get(),
                reportedDetail.get(),
                reportedAt);
        Long id = residentId();
        if (id == null) {
            return;
        }
        save(incidentForm, () -> incidents.report(id, report));
    }

    /** The mandatory report of the selected incident: to whom, details, and when (date and time). */
    void recordReport() {
        Incident i = incident.get();
        if (i == null) {
            return;
        }
        LocalTime at;
        try {
            at = InlineForms.time("reportTime", Messages.t("incident.reportedAt"), reportTime.get());
            Checks checks = new Checks(LocalDate.now(clock));
            checks.required("reportTime", "incident.reportedAt", at); // 请填写报告时间
            checks.throwIfAny();
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        Incident.ReportedTo whom = reportTo.get();
        String what = reportDetail.get();
        LocalDateTime when = reportDate.get() == null ? null : LocalDateTime.of(reportDate.get(), at);
        save(reportForm, () -> incidents.recordReport(i.id(), i.version(), whom, what, when));
    }

    void voidIncident(Incident i, String reason) {
        incidents.voidIncident(i.id(), reason);
    }

    ObservableList<Incident> incidents() {
        return list;
    }

    /** The kind chosen is always reported: the mandatory box stays ticked. */
    ReadOnlyBooleanProperty mandatoryFixedProperty() {
        return mandatoryFixed;
    }
}
