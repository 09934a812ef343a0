package org.huyou.volunteers;

import static org.huyou.db.generated.Tables.BACKGROUND_CHECK;
import static org.huyou.db.generated.Tables.VOLUNTEER;
import static org.huyou.db.generated.Tables.VOLUNTEER_ACTIVITY;
import static org.huyou.db.generated.Tables.VOLUNTEER_SIGNUP;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.db.generated.tables.records.VolunteerRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Volunteers and their background checks. */
public final class VolunteerRepository {

    private final DSLContext dsl;

    public VolunteerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(Volunteer v, String actor, LocalDateTime now) {
        var t = VOLUNTEER;
        return dsl.insertInto(t).set(t.NAME, v.name()).set(t.ID_NUMBER, v.idNumber()).set(t.PHONE, v.phone())
                .set(t.ORGANISATION, v.organisation()).set(t.SPECIALTIES, v.specialties().stream().map(Enum::name)
                        .sorted().collect(Collectors.joining(","))).set(t.AVAILABILITY, v.availability())
                .set(t.CREATED_AT, now).set(t.CREATED_BY, actor).returning(t.ID).fetchOne(t.ID);
    }

    public boolean idNumberTaken(String idNumber) {
        return dsl.fetchExists(VOLUNTEER, VOLUNTEER.ID_NUMBER.eq(idNumber));
    }

    public Optional<Volunteer> find(long id) {
        return dsl.selectFrom(VOLUNTEER).where(VOLUNTEER.ID.eq(id)).fetchOptional(VolunteerRepository::volunteer);
    }

    public List<Volunteer> search(String text, int limit) {
        var t = VOLUNTEER;
        return dsl.selectFrom(t).where(text == null || text.isBlank() ? DSL.noCondition()
                        : t.NAME.containsIgnoreCase(text.strip()).or(t.ORGANISATION.containsIgnoreCase(text.strip())))
                .orderBy(t.NAME).limit(limit).fetch(VolunteerRepository::volunteer);
    }

    public long insertCheck(BackgroundCheck c, String actor, LocalDateTime now) {
        var b = BACKGROUND_CHECK;
        return dsl.insertInto(b).set(b.VOLUNTEER_ID, c.volunteerId()).set(b.CHECKED_ON, c.checkedOn())
                .set(b.RESULT, c.result().name()).set(b.VALID_UNTIL, c.validUntil()).set(b.REFERENCE, c.reference())
                .set(b.CREATED_AT, now).set(b.CREATED_BY, actor).returning(b.ID).fetchOne(b.ID);
    }

    /** The volunteer's latest check (by date, then as recorded): the one that counts. */
    public Optional<BackgroundCheck> latestCheck(long volunteerId) {
        var b = BACKGROUND_CHECK;
        return dsl.selectFrom(b).where(b.VOLUNTEER_ID.eq(volunteerId)).orderBy(b.CHECKED_ON.desc(), b.ID.desc())
                .limit(1).fetchOptional(r -> new BackgroundCheck(r.getId(), r.getVolunteerId(), r.getCheckedOn(),
                        BackgroundCheck.Result.valueOf(r.getResult()), r.getValidUntil(), r.getReference()));
    }

    /** Volunteers whose latest check is clear and runs out between two days. */
    public record Expiring(Volunteer volunteer, LocalDate validUntil) {
    }

    public List<Expiring> expiringBetween(LocalDate from, LocalDate until) {
        var b = BACKGROUND_CHECK;
        var later = BACKGROUND_CHECK.as("later");
        return dsl.select(b.VOLUNTEER_ID, b.VALID_UNTIL).from(b).where(b.RESULT.eq("CLEAR"))
                .and(b.VALID_UNTIL.between(from, until))
                .andNotExists(DSL.selectOne().from(later).where(later.VOLUNTEER_ID.eq(b.VOLUNTEER_ID))
                        .and(later.CHECKED_ON.gt(b.CHECKED_ON).or(later.CHECKED_ON.eq(b.CHECKED_ON)
                                .and(later.ID.gt(b.ID)))))
                .orderBy(b.VALID_UNTIL)
                .fetch(r -> new Expiring(find(r.value1()).orElseThrow(), r.value2()));
    }

    public long insertActivity(Activity a, String actor, LocalDateTime now) {
        var t = VOLUNTEER_ACTIVITY;
        return dsl.insertInto(t).set(t.TITLE, a.title()).set(t.ACTIVITY_DATE, a.date()).set(t.START_TIME, a.start())
                .set(t.END_TIME, a.end()).set(t.PLACE, a.place())
                .set(t.SPECIALTY, a.specialty() == null ? null : a.specialty().name()).set(t.CAPACITY, a.capacity())
                .set(t.WITH_CHILDREN, a.withChildren()).set(t.CREATED_AT, now).set(t.CREATED_BY, actor)
                .returning(t.ID).fetchOne(t.ID);
    }

    public Optional<Activity> activity(long id) {
        return dsl.selectFrom(VOLUNTEER_ACTIVITY).where(VOLUNTEER_ACTIVITY.ID.eq(id)).fetchOptional(r ->
                new Activity(r.getId(), r.getTitle(), r.getActivityDate(), r.getStartTime(), r.getEndTime(),
                        r.getPlace(), r.getSpecialty() == null ? null : Volunteer.Specialty.valueOf(r.getSpecialty()),
                        r.getCapacity(), r.getWithChildren()));
    }

    /** Locks the activity row, so two coordinators cannot both take its last place. */
    public void lockActivity(long id) {
        dsl.select(VOLUNTEER_ACTIVITY.ID).from(VOLUNTEER_ACTIVITY).where(VOLUNTEER_ACTIVITY.ID.eq(id)).forUpdate()
                .fetch();
    }

    public int signups(long activityId) {
        return dsl.fetchCount(VOLUNTEER_SIGNUP, VOLUNTEER_SIGNUP.ACTIVITY_ID.eq(activityId));
    }

    public boolean signedUp(long activityId, long volunteerId) {
        return dsl.fetchExists(VOLUNTEER_SIGNUP, VOLUNTEER_SIGNUP.ACTIVITY_ID.eq(activityId)
                .and(VOLUNTEER_SIGNUP.VOLUNTEER_ID.eq(volunteerId)));
    }

    public long insertSignup(long activityId, long volunteerId, String actor, LocalDateTime now) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.insertInto(t).set(t.ACTIVITY_ID, activityId).set(t.VOLUNTEER_ID, volunteerId)
                .set(t.CREATED_AT, now).set(t.CREATED_BY, actor).returning(t.ID).fetchOne(t.ID);
    }

    public boolean recordAttendance(long activityId, long volunteerId, boolean attended, java.math.BigDecimal hours) {
        var t = VOLUNTEER_SIGNUP;
        return dsl.update(t).set(t.ATTENDED, attended).set(t.HOURS, attended ? hours : null)
                .where(t.ACTIVITY_ID.eq(activityId)).and(t.VOLUNTEER_ID.eq(volunteerId)).execute() == 1;
    }

    /** Service hours of a volunteer from attended activities dated within [from, to]. */
    public java.math.BigDecimal hours(long volunteerId, LocalDate from, LocalDate to) {
        var s = VOLUNTEER_SIGNUP;
        var a = VOLUNTEER_ACTIVITY;
        java.math.BigDecimal h = dsl.select(DSL.sum(s.HOURS)).from(s).join(a).on(a.ID.eq(s.ACTIVITY_ID))
                .where(s.VOLUNTEER_ID.eq(volunteerId)).and(s.ATTENDED.isTrue())
                .and(a.ACTIVITY_DATE.between(from, to)).fetchOne(0, java.math.BigDecimal.class);
        return h == null ? java.math.BigDecimal.ZERO : h;
    }

    private static Volunteer volunteer(VolunteerRecord r) {
        Set<Volunteer.Specialty> s = r.getSpecialties() == null || r.getSpecialties().isBlank()
                ? EnumSet.noneOf(Volunteer.Specialty.class)
                : Arrays.stream(r.getSpecialties().split(",")).map(Volunteer.Specialty::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Volunteer.Specialty.class)));
        return new Volunteer(r.getId(), r.getName(), r.getIdNumber(), r.getPhone(), r.getOrganisation(), s,
                r.getAvailability(), r.getVersion());
    }
}
