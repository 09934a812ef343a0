package org.huyou.care.incident;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Incidents and safeguarding. Anyone who works with the children reports what they saw; the incident file is read
 * by the social worker, psychologist, medical staff and director. A suspected abuse always carries the mandatory
 * report flag, and a flagged incident stays on the reminders screen, overdue, until the report is recorded.
 */
public final class IncidentService extends ServiceBase {

    private final IncidentRepository repo;

    public IncidentService(IncidentRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    /** What a reporter fills in; the report fields stay empty when the report is still to be made. */
    public record Report(
            LocalDate date,
            LocalTime time,
            Incident.Kind kind,
            Incident.Severity severity,
            String place,
            String description,
            String actionTaken,
            boolean mandatoryReport,
            Incident.ReportedTo reportedTo,
            String reportedDetail,
            LocalDateTime reportedAt) {}

    @RequiresPermission(module = AppModule.INCIDENTS, action = Action.CREATE)
    public Incident report(long residentId, Report r) {
        user.require(AppModule.INCIDENTS, Action.CREATE);
        LocalDateTime now = LocalDateTime.now(clock);
        Checks checks = new Checks(now.toLocalDate());
        checks.required("report", "incident.description", r);
        checks.throwIfAny();
        checks.pastDate("date", "incident.date", r.date());
        checks.required("kind", "incident.kind", r.kind());
        checks.required("severity", "incident.severity", r.severity());
        String place = checks.text("place", "incident.place", r.place(), 100, false);
        String description = checks.lines("description", "incident.description", r.description(), 2000, true);
        String action = checks.lines("actionTaken", "incident.actionTaken", r.actionTaken(), 1000, false);
        boolean mandatory = r.mandatoryReport() || (r.kind() != null && r.kind().alwaysReported());
        String detail =
                checkReport(checks, mandatory, r.reportedTo(), r.reportedDetail(), r.reportedAt(), r.date(), now);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Incident draft = new Incident(
                    0,
                    residentId,
                    r.date(),
                    r.time(),
                    r.kind(),
                    r.severity(),
                    place,
                    description,
                    action,
                    mandatory,
                    r.reportedTo(),
                    detail,
                    r.reportedAt(),
                    user.username(),
                    0,
                    false,
                    null);
            long id = repo.insert(draft, user.username(), now);
            audit.record(
                    AuditLog.CREATE,
                    "incident",
                    id,
                    AuditSummary.of(mandatory ? "auditSummary.incidentMandatory" : "auditSummary.value", r.kind()),
                    null);
            return repo.find(id).orElseThrow();
        });
    }

    /** Records the mandatory report once made: to whom (agency, officer, case number) and when. */
    @RequiresPermission(module = AppModule.INCIDENTS, action = Action.EDIT)
    public Incident recordReport(
            long incidentId, int version, Incident.ReportedTo to, String detail, LocalDateTime at) {
        user.require(AppModule.INCIDENTS, Action.EDIT);
        LocalDateTime now = LocalDateTime.now(clock);
        Incident before = repo.find(incidentId).orElseThrow(() -> new UserFacingException("error.notFound"));
        Checks checks = new Checks(now.toLocalDate());
        checks.required("reportedTo", "incident.reportedTo", to);
        checks.required("reportedAt", "incident.reportedAt", at);
        String d = checkReport(checks, true, to, detail, at, before.date(), now);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            if (!repo.recordReport(incidentId, version, to, d, at, user.username(), now)) {
                throw new StaleRecordException(Accounts.displayName(before.recordedBy()), now);
            }
            Incident after = repo.find(incidentId).orElseThrow();
            audit.record(
                    AuditLog.EDIT,
                    "incident",
                    incidentId,
                    AuditSummary.of("auditSummary.mandatoryReport", to),
                    AuditChanges.diff(before, after));
            return after;
        });
    }

    private static String checkReport(
            Checks checks,
            boolean mandatory,
            Incident.ReportedTo to,
            String detail,
            LocalDateTime at,
            LocalDate occurred,
            LocalDateTime now) {
        String d = checks.text("reportedDetail", "incident.reportedDetail", detail, 200, false);
        checks.rule((to == null) == (at == null), "reportedAt", "incident.reportBothOrNeither");
        checks.rule(to == null || mandatory, "reportedTo", "incident.reportWithoutFlag");
        if (at != null) {
            checks.rule(!at.isAfter(now), "reportedAt", "incident.reportInFuture");
            checks.rule(
                    occurred == null || !at.toLocalDate().isBefore(occurred),
                    "reportedAt",
                    "incident.reportBeforeIncident");
        }
        return d;
    }

    @RequiresPermission(module = AppModule.INCIDENTS, action = Action.VIEW)
    public List<Incident> incidents(long residentId) {
        user.require(AppModule.INCIDENTS, Action.VIEW);
        return repo.forResident(residentId);
    }

    @RequiresPermission(module = AppModule.INCIDENTS, action = Action.VOID)
    public void voidIncident(long id, String reason) {
        user.require(AppModule.INCIDENTS, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    public static String summary(Incident i) {
        return Messages.t("incident.summaryLine", i.kind().label(), i.severity().label(), i.description())
                + (i.mandatoryReport()
                        ? "  "
                                + (i.reportedAt() == null
                                        ? Messages.t("incident.reportOutstanding")
                                        : Messages.t(
                                                "incident.reportedSummary",
                                                i.reportedTo().label(),
                                                i.reportedAt().toLocalDate().toString()))
                        : "");
    }

    /** Mandatory reports not yet recorded: overdue from the day of the incident, for those who record them. */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(
                user,
                AppModule.INCIDENTS,
                Action.EDIT,
                today -> repo.outstandingReports().stream()
                        .map(o -> new Reminder(
                                CareDomain.INCIDENT,
                                o.incident().residentId(),
                                o.residentName(),
                                o.incident().date(),
                                Messages.t(
                                        "incident.reportDue",
                                        o.incident().kind().label()),
                                true))
                        .toList());
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return TimelineSource.sealed(
                user,
                CareDomain.INCIDENT,
                AppModule.INCIDENTS,
                (id, c, from, to, limit) -> repo.page(id, c, from, to, limit).stream()
                        .map(i -> new TimelineEntry(
                                CareDomain.INCIDENT,
                                i.id(),
                                i.date(),
                                summary(i),
                                i.recordedBy(),
                                i.voided(),
                                i.voidReason(),
                                "incident"))
                        .toList());
    }
}
