package org.huyou.volunteers;

import static org.huyou.db.generated.Tables.VOLUNTEER;
import static org.huyou.db.generated.Tables.VOLUNTEER_ACTIVITY;
import static org.huyou.db.generated.Tables.VOLUNTEER_SIGNUP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.VolunteerActivityRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Activities and shifts, who is signed up for them, attendance and the service hours it gives. */
public final class ShiftRepository {

    private final DSLContext dsl;

    public ShiftRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertActivity(Activity a, String actor, LocalDateTime now) {
        var t = VOLUNTEER_ACTIVITY;
        return dsl.insertInto(t)
                .set(t.TITLE, a.title())
                .set(t.ACTIVITY_TYPE, a.type().name())
                .set(t.ACTIVITY_DATE, a.date())
                .set(t.START_TIME, a.start())
                .set(t.END_TIME, a.end())
                .set(t.PLACE, a.place())
                .set(t.SPECIALTY, a.specialty() == null ? null : a.specialty().name())
                .set(t.CAPACITY, a.capacity())
                .set(t.WITH_CHILDREN, a.withChildren())
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public Optional<Activity> activity(long id) {
        return dsl.selectFrom(VOLUNTEER_ACTIVITY)
                .where(VOLUNTEER_ACTIVITY.ID.eq(id))
                .fetchOptional(ShiftRepository::activity);
    }

    public List<PlannedActivity> activities(LocalDate from, LocalDate to) {
        var t = VOLUNTEER_ACTIVITY;
        var s = VOLUNTEER_SIGNUP;
        var count = DSL.field(
                DSL.selectCount().from(s).where(s.ACTIVITY_ID.eq(t.ID)).and(onIt()));
        return dsl.select(t.asterisk(), count)
                .from(t)
                .where(t.ACTIVITY_DATE.between(from, to))
                .orderBy(t.ACTIVITY_DATE, t.START_TIME, t.ID)
                .fetch(r -> new PlannedActivity(activity(r.into(t)), r.get(count)));
    }

    /** Locks the activity row, so two coordinators cannot both take its last place. */
    public void lockActivity(long id) {
        dsl.select(VOLUNTEER_ACTIVITY.ID)
                .from(VOLUNTEER_ACTIVITY)
                .where(VOLUNTEER_ACTIVITY.ID.eq(id))
                .forUpdate()
                .fetch();
    }

    /**
     * A sign-up that counts: not withdrawn. Every count, place and attendance reads sign-ups through it; a withdrawn
     * one stays in the table (voided, with who, when and why) and on the roster, marked.
     */
    static Condition onIt() {
        return VOLUNTEER_SIGNUP.VOIDED_AT.isNull();
    }

    /** How many are on the activity (those who withdrew are not). */
    public int signups(long activityId) {
        return dsl.fetchCount(
                VOLUNTEER_SIGNUP, VOLUNTEER_SIGNUP.ACTIVITY_ID.eq(activityId).and(onIt()));
    }

    public boolean signedUp(long activityId, long volunteerId) {
        return dsl.fetchExists(
                VOLUNTEER_SIGNUP,
                VOLUNTEER_SIGNUP
                        .ACTIVITY_ID
                        .eq(activityId)
                        .and(VOLUNTEER_SIGNUP.VOLUNTEER_ID.eq(volunteerId))
                        .and(onIt()));
    }

    /** {@code checkOverride}: why the volunteer is on it despite their background check (null: no override). */
    public long insertSignup(long activityId, long volunteerId, String checkOverride, String actor, LocalDateTime now) {
        var t = VOLUNTEER_SIGNUP;
        // the volunteer's earlier sign-ups to it, all withdrawn (the caller checked under the activity's lock)
        int earlier = dsl.fetchCount(t, t.ACTIVITY_ID.eq(activityId).and(t.VOLUNTEER_ID.eq(volunteerId)));
        return dsl.insertInto(t)
                .set(t.ACTIVITY_ID, activityId)
                .set(t.VOLUNTEER_ID, volunteerId)
                .set(t.SIGNUP_NO, earlier)
                .set(t.CHECK_OVERRIDE, checkOverride)
                .set(t.CHECK_OVERRIDE_BY, checkOverride == null ? null : actor)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** The volunteer's standing sign-up to the activity, locked until the transaction ends (to withdraw it). */
    public record Standing(long id, Boolean attended) {}

    public Optional<Standing> lockStanding(long activityId, long volunteerId) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.select(t.ID, t.ATTENDED)
                .from(t)
                .where(t.ACTIVITY_ID.eq(activityId))
                .and(t.VOLUNTEER_ID.eq(volunteerId))
                .and(onIt())
                .forUpdate()
                .fetchOptional(r -> new Standing(r.value1(), r.value2()));
    }

    /** Sign-ups to void, by {@code actor} at {@code now}: a withdrawal keeps the row (who, when, why). */
    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, VOLUNTEER_SIGNUP, actor, now);
    }

    public boolean recordAttendance(long activityId, long volunteerId, boolean attended, BigDecimal hours) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.update(t)
                        .set(t.ATTENDED, attended)
                        .set(t.HOURS, attended ? hours : null)
                        .where(t.ACTIVITY_ID.eq(activityId))
                        .and(t.VOLUNTEER_ID.eq(volunteerId))
                        .and(onIt())
                        .execute()
                == 1;
    }

    public List<RosterLine> roster(long activityId) {
        return rosters(List.of(activityId)).getOrDefault(activityId, List.of());
    }

    /** The rosters of several activities in one query: those on each first, then those who withdrew, marked. */
    public Map<Long, List<RosterLine>> rosters(Collection<Long> activityIds) {
        var s = VOLUNTEER_SIGNUP;
        var v = VOLUNTEER;
        Map<Long, List<RosterLine>> m = new HashMap<>();
        dsl.select(
                        s.ACTIVITY_ID,
                        v.ID,
                        v.NAME,
                        v.PHONE,
                        v.ORGANISATION,
                        s.ATTENDED,
                        s.HOURS,
                        s.CHECK_OVERRIDE,
                        s.CHECK_OVERRIDE_BY,
                        s.VOIDED_AT,
                        s.VOIDED_BY,
                        s.VOIDED_REASON)
                .from(s)
                .join(v)
                .on(v.ID.eq(s.VOLUNTEER_ID))
                .where(s.ACTIVITY_ID.in(activityIds))
                .orderBy(s.VOIDED_AT.asc().nullsFirst(), v.NAME, s.ID)
                .forEach(r -> m.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new RosterLine(
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                r.value5(),
                                r.value6(),
                                r.value7(),
                                r.value8(),
                                r.value9(),
                                r.value10(),
                                r.value11(),
                                r.value12())));
        return m;
    }

    /**
     * The one definition of volunteer service in a period, used by the hours screen, the certificate and the
     * director's statistics alike: a signup marked attended (never a withdrawn one), of an activity dated within
     * [from, to]. Join
     * VOLUNTEER_SIGNUP to VOLUNTEER_ACTIVITY on the activity id to apply it.
     */
    public static Condition served(LocalDate from, LocalDate to) {
        return VOLUNTEER_SIGNUP.ATTENDED.isTrue().and(onIt()).and(VOLUNTEER_ACTIVITY.ACTIVITY_DATE.between(from, to));
    }

    /** Service hours of a volunteer from attended activities dated within [from, to]. */
    public BigDecimal hours(long volunteerId, LocalDate from, LocalDate to) {
        var s = VOLUNTEER_SIGNUP;
        var a = VOLUNTEER_ACTIVITY;
        BigDecimal h = dsl.select(DSL.sum(s.HOURS))
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .where(s.VOLUNTEER_ID.eq(volunteerId))
                .and(served(from, to))
                .fetchOne(0, BigDecimal.class);
        return h == null ? BigDecimal.ZERO : h;
    }

    /** A volunteer's attended activities in a period, for the certificate. */
    public record Served(LocalDate date, String title, BigDecimal hours) {}

    public List<Served> served(long volunteerId, LocalDate from, LocalDate to) {
        var s = VOLUNTEER_SIGNUP;
        var a = VOLUNTEER_ACTIVITY;
        return dsl.select(a.ACTIVITY_DATE, a.TITLE, s.HOURS)
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .where(s.VOLUNTEER_ID.eq(volunteerId))
                .and(served(from, to))
                .orderBy(a.ACTIVITY_DATE, a.START_TIME)
                .fetch(r -> new Served(r.value1(), r.value2(), r.value3()));
    }

    public List<HoursLine> hoursPerVolunteer(LocalDate from, LocalDate to) {
        var s = VOLUNTEER_SIGNUP;
        var a = VOLUNTEER_ACTIVITY;
        var v = VOLUNTEER;
        var sum = DSL.sum(s.HOURS);
        return dsl.select(v.ID, v.NAME, v.ORGANISATION, DSL.count(), sum)
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .join(v)
                .on(v.ID.eq(s.VOLUNTEER_ID))
                .where(served(from, to))
                .groupBy(v.ID, v.NAME, v.ORGANISATION)
                .orderBy(sum.desc(), v.NAME)
                .fetch(r -> new HoursLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    static Activity activity(VolunteerActivityRecord r) {
        return new Activity(
                r.getId(),
                r.getTitle(),
                Activity.Type.valueOf(r.getActivityType()),
                r.getActivityDate(),
                r.getStartTime(),
                r.getEndTime(),
                r.getPlace(),
                r.getSpecialty() == null ? null : Volunteer.Specialty.valueOf(r.getSpecialty()),
                r.getCapacity(),
                r.getWithChildren());
    }
}
