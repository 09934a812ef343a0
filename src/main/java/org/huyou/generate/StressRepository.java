package org.huyou.generate;

import static org.huyou.db.generated.Tables.DAILY_CARE_LOG;
import static org.huyou.db.generated.Tables.GROWTH_MEASUREMENT;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.OPENDAY_VISIT;
import static org.huyou.db.generated.Tables.REHAB_PLAN;
import static org.huyou.db.generated.Tables.REHAB_SESSION;
import static org.huyou.db.generated.Tables.RISK_ASSESSMENT;
import static org.huyou.db.generated.Tables.SLIP_COUNTER;
import static org.huyou.db.generated.Tables.TRANSITION_PLAN;
import static org.huyou.db.generated.Tables.VOLUNTEER;
import static org.huyou.db.generated.Tables.VOLUNTEER_ACTIVITY;
import static org.huyou.db.generated.Tables.VOLUNTEER_SIGNUP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.huyou.db.BulkInsert;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Bulk writes for the stress-data generator: rows collect in memory and go to the database as JDBC batches of
 * {@link #BATCH} (one round trip per batch, not per row). Rows another row points to are inserted at once, for their id.
 */
public final class StressRepository {

    static final int BATCH = 2_000;
    static final String GENERATOR = "generator";

    private final DSLContext dsl;
    private final List<TableRecord<?>> pending = new ArrayList<>();
    private long written;

    public StressRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void dailyLog(
            long residentId, LocalDate date, String shift, String meals, String sleep, String hygiene, String mood) {
        var r = dsl.newRecord(DAILY_CARE_LOG);
        r.setResidentId(residentId);
        r.setLogDate(date);
        r.setShift(shift);
        r.setMeals(meals);
        r.setSleep(sleep);
        r.setHygiene(hygiene);
        r.setMood(mood);
        r.setCreatedAt(at(date));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    public void growth(long residentId, LocalDate date, BigDecimal heightCm, BigDecimal weightKg) {
        var r = dsl.newRecord(GROWTH_MEASUREMENT);
        r.setResidentId(residentId);
        r.setMeasuredOn(date);
        r.setHeightCm(heightCm);
        r.setWeightKg(weightKg);
        r.setCreatedAt(at(date));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    public void medical(long residentId, String kind, LocalDate date, String title, String funding) {
        var r = dsl.newRecord(MEDICAL_RECORD);
        r.setResidentId(residentId);
        r.setKind(kind);
        r.setEventDate(date);
        r.setTitle(title);
        r.setFunding(funding);
        r.setCreatedAt(at(date));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    public long rehabPlan(long residentId, String title, LocalDate start, LocalDate reviewDue, String therapist) {
        var r = dsl.newRecord(REHAB_PLAN);
        r.setResidentId(residentId);
        r.setTitle(title);
        r.setStartDate(start);
        r.setReviewDue(reviewDue);
        r.setTherapist(therapist);
        r.setCreatedAt(at(start));
        r.setCreatedBy(GENERATOR);
        r.store();
        return r.getId();
    }

    public void rehabSession(
            long residentId, long planId, LocalDate date, String area, String attendance, int minutes) {
        var r = dsl.newRecord(REHAB_SESSION);
        r.setResidentId(residentId);
        r.setPlanId(planId);
        r.setSessionDate(date);
        r.setArea(area);
        r.setAttendance(attendance);
        r.setMinutes(minutes);
        r.setCreatedAt(at(date));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    public void riskAssessment(
            long residentId,
            LocalDate date,
            String guardianship,
            String psychological,
            String grade,
            String psychologist) {
        var r = dsl.newRecord(RISK_ASSESSMENT);
        r.setResidentId(residentId);
        r.setAssessedOn(date);
        r.setGuardianshipRisk(guardianship);
        r.setPsychologicalRisk(psychological);
        r.setGrade(grade);
        r.setPsychologist(psychologist);
        r.setCreatedAt(at(date));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    public void transitionPlan(long residentId, String pathway, String basis, LocalDate decided, LocalDate leftOn) {
        var r = dsl.newRecord(TRANSITION_PLAN);
        r.setResidentId(residentId);
        r.setPathway(pathway);
        r.setBasis(basis);
        r.setStatus(leftOn == null ? "APPROVED" : "LEFT");
        r.setDecidedBy(GENERATOR);
        r.setDecidedAt(at(decided));
        r.setApprovedBy(GENERATOR);
        r.setApprovedAt(at(decided.plusDays(7)));
        r.setLeftOn(leftOn);
        add(r);
    }

    public long volunteer(String name, String phone, String organisation, String specialties, LocalDate joined) {
        var r = dsl.newRecord(VOLUNTEER);
        r.setName(name);
        r.setPhone(phone);
        r.setOrganisation(organisation);
        r.setSpecialties(specialties);
        r.setCreatedAt(at(joined));
        r.setCreatedBy(GENERATOR);
        r.store();
        return r.getId();
    }

    public long activity(String title, String type, LocalDate date, LocalTime start, LocalTime end, int capacity) {
        var r = dsl.newRecord(VOLUNTEER_ACTIVITY);
        r.setTitle(title);
        r.setActivityType(type);
        r.setActivityDate(date);
        r.setStartTime(start);
        r.setEndTime(end);
        r.setCapacity(capacity);
        r.setWithChildren(!"OFFICE".equals(type));
        r.setCreatedAt(at(date.minusDays(7)));
        r.setCreatedBy(GENERATOR);
        r.store();
        return r.getId();
    }

    public void signup(long activityId, long volunteerId, LocalDate date, Boolean attended, BigDecimal hours) {
        var r = dsl.newRecord(VOLUNTEER_SIGNUP);
        r.setActivityId(activityId);
        r.setVolunteerId(volunteerId);
        r.setAttended(attended);
        r.setHours(hours);
        r.setCreatedAt(at(date.minusDays(3)));
        r.setCreatedBy(GENERATOR);
        add(r);
    }

    /** An open-day visit whose personal data was already removed (older than the retention period) or kept. */
    public void visit(
            LocalDate date,
            String slot,
            String visitorName,
            String documentNo,
            String phone,
            int headCount,
            String slipNo,
            LocalTime checkedIn,
            boolean personalRemoved) {
        var r = dsl.newRecord(OPENDAY_VISIT);
        r.setSessionDate(date);
        r.setSlot(slot);
        r.setVisitorName(visitorName);
        r.setDocumentType("ID_CARD");
        r.setDocumentNo(documentNo);
        r.setPhone(phone);
        r.setHeadCount(headCount);
        r.setHost("前台");
        r.setRulesAcknowledged(true);
        r.setSlipNo(slipNo);
        r.setCheckedInAt(date.atTime(checkedIn));
        r.setCheckedInBy(GENERATOR);
        r.setPersonalRemovedAt(personalRemoved ? at(date.plusDays(181)) : null);
        add(r);
    }

    /** The last slip number given in a year, so that the front desk's next check-in follows the generated ones. */
    public void slipCounter(int year, int last) {
        dsl.insertInto(SLIP_COUNTER)
                .set(SLIP_COUNTER.SLIP_YEAR, year)
                .set(SLIP_COUNTER.LAST_NO, last)
                .execute();
    }

    /** Sends what is pending. Call before the transaction commits. */
    public void flush() {
        if (!pending.isEmpty()) {
            BulkInsert.insert(dsl, pending);
            written += pending.size();
            pending.clear();
        }
    }

    /** Rows sent so far by this repository's batches. */
    public long written() {
        return written;
    }

    private void add(TableRecord<?> r) {
        pending.add(r);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private static LocalDateTime at(LocalDate date) {
        return date.atTime(9, 0);
    }
}
