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
        var count = DSL.field(DSL.selectCount().from(s).where(s.ACTIVITY_ID.eq(t.ID)));
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

    public int signups(long activityId) {
        return dsl.fetchCount(VOLUNTEER_SIGNUP, VOLUNTEER_SIGNUP.ACTIVITY_ID.eq(activityId));
    }

    public boolean signedUp(long activityId, long volunteerId) {
        return dsl.fetchExists(
                VOLUNTEER_SIGNUP,
                VOLUNTEER_SIGNUP.ACTIVITY_ID.eq(activityId).and(VOLUNTEER_SIGNUP.VOLUNTEER_ID.eq(volunteerId)));
    }

    /** {@code checkOverride}: why the volunteer is on it despite their background check (null: no override). */
    public long insertSignup(long activityId, long volunteerId, String checkOverride, String actor, LocalDateTime now) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.insertInto(t)
                .set(t.ACTIVITY_ID, activityId)
                .set(t.VOLUNTEER_ID, volunteerId)
                .set(t.CHECK_OVERRIDE, checkOverride)
                .set(t.CHECK_OVERRIDE_BY, checkOverride == null ? null : actor)
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** Takes a volunteer off a shift whose attendance is not recorded yet; false when there is nothing to take off. */
    public boolean deleteUnattendedSignup(long activityId, long volunteerId) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.deleteFrom(t)
                        .where(t.ACTIVITY_ID.eq(activityId))
                        .and(t.VOLUNTEER_ID.eq(volunteerId))
                        .and(t.ATTENDED.isNull())
                        .execute()
                == 1;
    }

    public boolean recordAttendance(long activityId, long volunteerId, boolean attended, BigDecimal hours) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.update(t)
                        .set(t.ATTENDED, attended)
                        .set(t.HOURS, attended ? hours : null)
                        .where(t.ACTIVITY_ID.eq(activityId))
                        .and(t.VOLUNTEER_ID.eq(volunteerId))
                        .execute()
                == 1;
    }

    public List<RosterLine> roster(long activityId) {
        return rosters(List.of(activityId)).getOrDefault(activityId, List.of());
    }

    /** The rosters of several activities in one query. */
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
                        s.CHECK_OVERRIDE_BY)
                .from(s)
                .join(v)
                .on(v.ID.eq(s.VOLUNTEER_ID))
                .where(s.ACTIVITY_ID.in(activityIds))
                .orderBy(v.NAME)
                .forEach(r -> m.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new RosterLine(
                                r.value2(),
                                r.value3(),
                                r.value4(),
                                r.value5(),
                                r.value6(),
                                r.value7(),
                                r.value8(),
                                r.value9())));
        return m;
    }

    /**
     * The one definition of volunteer service in a period, used by the hours screen, the certificate and the
     * director's statistics alike: a signup marked attended, of an activity dated within [from, to]. Join
     * VOLUNTEER_SIGNUP to VOLUNTEER_ACTIVITY on the activity id to apply it.
     */
    public static Condition served(LocalDate from, LocalDate to) {
        return VOLUNTEER_SIGNUP.ATTENDED.isTrue().and(VOLUNTEER_ACTIVITY.ACTIVITY_DATE.between(from, to));
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
