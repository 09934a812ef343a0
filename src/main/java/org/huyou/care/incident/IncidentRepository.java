package org.huyou.care.incident;

import static org.huyou.db.generated.Tables.INCIDENT;
import static org.huyou.db.generated.Tables.RESIDENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.huyou.care.TimelineCursor;
import org.huyou.db.KeysetConditions;
import org.huyou.db.ResidentNames;
import org.huyou.db.Versioned;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.IncidentRecord;
import org.huyou.security.SealedKey;
import org.jooq.DSLContext;

/** Incidents and their mandatory reports. */
public final class IncidentRepository {

    private final DSLContext dsl;
    /** Description and action taken are stored sealed (issue 24): sealed on the way in, opened on the way out. */
    private final SealedKey sealed;

    public IncidentRepository(DSLContext dsl, SealedKey sealed) {
        this.dsl = dsl;
        this.sealed = sealed;
    }

    public long insert(Incident i, String actor, LocalDateTime now) {
        var t = INCIDENT;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, i.residentId())
                .set(t.OCCURRED_ON, i.date())
                .set(t.OCCURRED_TIME, i.time())
                .set(t.KIND, i.kind().name())
                .set(t.SEVERITY, i.severity().name())
                .set(t.PLACE, i.place())
                .set(t.DESCRIPTION, sealed.seal(SealedKey.INCIDENT_DESCRIPTION, i.description()))
                .set(t.ACTION_TAKEN, sealed.seal(SealedKey.INCIDENT_ACTION, i.actionTaken()))
                .set(t.MANDATORY_REPORT, i.mandatoryReport())
                .set(
                        t.REPORTED_TO,
                        i.reportedTo() == null ? null : i.reportedTo().name())
                .set(t.REPORTED_DETAIL, i.reportedDetail())
                .set(t.REPORTED_AT, i.reportedAt())
                .set(t.REPORT_RECORDED_BY, i.reportedAt() == null ? null : actor)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** Records the report made; false when the incident changed meanwhile (version) or was voided. */
    public boolean recordReport(
            long id,
            int version,
            Incident.ReportedTo to,
            String detail,
            LocalDateTime at,
            String actor,
            LocalDateTime now) {
        var t = INCIDENT;
        return Versioned.update(
                dsl.update(t)
                        .set(t.MANDATORY_REPORT, true)
                        .set(t.REPORTED_TO, to.name())
                        .set(t.REPORTED_DETAIL, detail)
                        .set(t.REPORTED_AT, at)
                        .set(t.REPORT_RECORDED_BY, actor),
                t,
                id,
                version,
                actor,
                now);
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, INCIDENT, actor, now);
    }

    public Optional<Incident> find(long id) {
        return dsl.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).fetchOptional(this::incident);
    }

    public List<Incident> forResident(long residentId) {
        var t = INCIDENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.OCCURRED_ON.desc(), t.ID.desc())
                .fetch(this::incident);
    }

    public List<Incident> page(long residentId, TimelineCursor.Position c, LocalDate from, LocalDate to, int limit) {
        var t = INCIDENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .and(KeysetConditions.after(t.OCCURRED_ON, t.ID, c.date(), c.sourceComparison(), c.id()))
                .and(KeysetConditions.between(t.OCCURRED_ON, from, to))
                .orderBy(KeysetConditions.newestFirst(t.RESIDENT_ID, t.OCCURRED_ON, t.ID))
                .limit(limit)
                .fetch(this::incident);
    }

    public record Outstanding(Incident incident, String residentName) {}

    /** Required reports not yet recorded, oldest first, whatever the resident's status. */
    public List<Outstanding> outstandingReports() {
        var t = INCIDENT;
        return ResidentNames.select(dsl, t, t.RESIDENT_ID)
                .where(t.MANDATORY_REPORT.isTrue())
                .and(t.REPORTED_AT.isNull())
                .and(t.VOIDED_AT.isNull())
                .orderBy(t.OCCURRED_ON, t.ID)
                .fetch(r -> new Outstanding(incident(r.into(t)), r.get(RESIDENT.NAME)));
    }

    private Incident incident(IncidentRecord r) {
        return new Incident(
                r.getId(),
                r.getResidentId(),
                r.getOccurredOn(),
                r.getOccurredTime(),
                Incident.Kind.valueOf(r.getKind()),
                Incident.Severity.valueOf(r.getSeverity()),
                r.getPlace(),
                sealed.read(SealedKey.INCIDENT_DESCRIPTION, r.getDescription()),
                sealed.read(SealedKey.INCIDENT_ACTION, r.getActionTaken()),
                r.getMandatoryReport(),
                r.getReportedTo() == null ? null : Incident.ReportedTo.valueOf(r.getReportedTo()),
                r.getReportedDetail(),
                r.getReportedAt(),
                r.getCreatedBy(),
                r.getVersion(),
                r.getVoidedAt() != null,
                r.getVoidedReason());
    }
}
