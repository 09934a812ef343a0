package org.huyou.volunteers;

import static org.huyou.db.generated.Tables.BACKGROUND_CHECK;
import static org.huyou.db.generated.Tables.TRAINING_REQUIREMENT;
import static org.huyou.db.generated.Tables.VOLUNTEER;
import static org.huyou.db.generated.Tables.VOLUNTEER_TRAINING;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.common.Pinyin;
import org.huyou.db.Like;
import org.huyou.db.generated.tables.records.BackgroundCheckRecord;
import org.huyou.db.generated.tables.records.VolunteerRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Volunteers, their background checks and trainings, and the trainings each activity type requires. */
public final class VolunteerRepository {

    private final DSLContext dsl;

    public VolunteerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(Volunteer v, String actor, LocalDateTime now) {
        var t = VOLUNTEER;
        return dsl.insertInto(t)
                .set(t.NAME, v.name())
                .set(t.ID_NUMBER, v.idNumber())
                .set(t.PHONE, v.phone())
                .set(t.ORGANISATION, v.organisation())
                .set(
                        t.SPECIALTIES,
                        v.specialties().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(t.CERTIFICATES, v.certificates())
                .set(t.AVAILABILITY, v.availability())
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public boolean idNumberTaken(String idNumber) {
        return dsl.fetchExists(VOLUNTEER, VOLUNTEER.ID_NUMBER.eq(idNumber));
    }

    /** Of these ID numbers, those a registered volunteer has (asked in chunks: a server caps a query's parameters). */
    public Set<String> takenIdNumbers(Collection<String> idNumbers) {
        Set<String> taken = new HashSet<>();
        for (List<String> chunk : chunks(idNumbers)) {
            taken.addAll(dsl.select(VOLUNTEER.ID_NUMBER)
                    .from(VOLUNTEER)
                    .where(VOLUNTEER.ID_NUMBER.in(chunk))
                    .fetch(VOLUNTEER.ID_NUMBER));
        }
        return taken;
    }

    /** Name and phone digits ({@link VolunteerService#namePhone}) of the registered volunteers with these names. */
    public Set<String> namePhones(Collection<String> names) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(names)) {
            dsl.select(VOLUNTEER.NAME, VOLUNTEER.PHONE)
                    .from(VOLUNTEER)
                    .where(VOLUNTEER.NAME.in(chunk))
                    .forEach(r -> found.add(VolunteerService.namePhone(r.value1(), r.value2())));
        }
        return found;
    }

    private static List<List<String>> chunks(Collection<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += 1000) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + 1000)));
        }
        return chunks;
    }

    public Optional<Volunteer> find(long id) {
        return dsl.selectFrom(VOLUNTEER).where(VOLUNTEER.ID.eq(id)).fetchOptional(VolunteerRepository::volunteer);
    }

    /**
     * By name or organisation, and, for a query of Latin letters, by the name's pinyin (full or initials, as the
     * register finds residents). A home has hundreds to a few thousand volunteers: their names are read and matched
     * here rather than kept as search keys.
     */
    /** How many volunteers the home has registered. */
    public int count() {
        return dsl.fetchCount(VOLUNTEER);
    }

    public List<Volunteer> search(String text, int limit) {
        var t = VOLUNTEER;
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String q = text.strip();
            where = Like.containsIgnoreCase(t.NAME, q).or(Like.containsIgnoreCase(t.ORGANISATION, q));
            if (Pinyin.looksLikePinyin(q)) {
                List<Long> byPinyin = dsl.select(t.ID, t.NAME).from(t).fetch().stream()
                        .filter(r -> Pinyin.matches(r.value2(), q))
                        .map(r -> r.value1())
                        .toList();
                where = where.or(t.ID.in(byPinyin));
            }
        }
        return dsl.selectFrom(t).where(where).orderBy(t.NAME).limit(limit).fetch(VolunteerRepository::volunteer);
    }

    public long insertCheck(BackgroundCheck c, String actor, LocalDateTime now) {
        var b = BACKGROUND_CHECK;
        return dsl.insertInto(b)
                .set(b.VOLUNTEER_ID, c.volunteerId())
                .set(b.CHECKED_ON, c.checkedOn())
                .set(b.RESULT, c.result().name())
                .set(b.VALID_UNTIL, c.validUntil())
                .set(b.REFERENCE, c.reference())
                .set(b.CREATED_AT, now)
                .set(b.CREATED_BY, actor)
                .returning(b.ID)
                .fetchOne(b.ID);
    }

    /** The volunteer's latest check (by date, then as recorded): the one that counts. */
    public Optional<BackgroundCheck> latestCheck(long volunteerId) {
        var b = BACKGROUND_CHECK;
        return dsl.selectFrom(b)
                .where(b.VOLUNTEER_ID.eq(volunteerId))
                .orderBy(b.CHECKED_ON.desc(), b.ID.desc())
                .limit(1)
                .fetchOptional(VolunteerRepository::check);
    }

    public List<ExpiringCheck> expiringBetween(LocalDate from, LocalDate until) {
        var b = BACKGROUND_CHECK;
        var rows = dsl.select(b.VOLUNTEER_ID, b.VALID_UNTIL)
                .from(b)
                .where(b.RESULT.eq("CLEAR"))
                .and(b.VALID_UNTIL.between(from, until))
                .and(isLatestCheck())
                .orderBy(b.VALID_UNTIL)
                .fetch();
        Map<Long, Volunteer> people = byIds(rows.map(r -> r.value1()));
        return rows.map(r -> new ExpiringCheck(people.get(r.value1()), r.value2()));
    }

    /** The check is its volunteer's latest (by date, then as recorded): no later one exists. */
    private static Condition isLatestCheck() {
        var b = BACKGROUND_CHECK;
        var later = BACKGROUND_CHECK.as("later");
        return DSL.notExists(DSL.selectOne()
                .from(later)
                .where(later.VOLUNTEER_ID.eq(b.VOLUNTEER_ID))
                .and(later.CHECKED_ON
                        .gt(b.CHECKED_ON)
                        .or(later.CHECKED_ON.eq(b.CHECKED_ON).and(later.ID.gt(b.ID)))));
    }

    public long insertTraining(Training t, String actor, LocalDateTime now) {
        var v = VOLUNTEER_TRAINING;
        return dsl.insertInto(v)
                .set(v.VOLUNTEER_ID, t.volunteerId())
                .set(v.COURSE, t.course())
                .set(v.TRAINED_ON, t.trainedOn())
                .set(v.HOURS, t.hours())
                .set(v.CREATED_AT, now)
                .set(v.CREATED_BY, actor)
                .returning(v.ID)
                .fetchOne(v.ID);
    }

    public List<Training> trainings(long volunteerId) {
        var v = VOLUNTEER_TRAINING;
        return dsl.selectFrom(v)
                .where(v.VOLUNTEER_ID.eq(volunteerId))
                .orderBy(v.TRAINED_ON.desc(), v.ID.desc())
                .fetch(r -> new Training(r.getId(), r.getVolunteerId(), r.getCourse(), r.getTrainedOn(), r.getHours()));
    }

    public List<BackgroundCheck> checks(long volunteerId) {
        var b = BACKGROUND_CHECK;
        return dsl.selectFrom(b)
                .where(b.VOLUNTEER_ID.eq(volunteerId))
                .orderBy(b.CHECKED_ON.desc(), b.ID.desc())
                .fetch(VolunteerRepository::check);
    }

    /** The latest check of each of the volunteers that has one, in one query. */
    public Map<Long, BackgroundCheck> latestChecks(Collection<Long> volunteerIds) {
        var b = BACKGROUND_CHECK;
        return dsl.selectFrom(b)
                .where(b.VOLUNTEER_ID.in(volunteerIds))
                .and(isLatestCheck())
                .fetchMap(b.VOLUNTEER_ID, VolunteerRepository::check);
    }

    /** Courses each volunteer attended on or before a day, in one query. */
    public Map<Long, Set<String>> coursesBy(Collection<Long> volunteerIds, LocalDate day) {
        var v = VOLUNTEER_TRAINING;
        Map<Long, Set<String>> m = new HashMap<>();
        dsl.selectDistinct(v.VOLUNTEER_ID, v.COURSE)
                .from(v)
                .where(v.VOLUNTEER_ID.in(volunteerIds))
                .and(v.TRAINED_ON.le(day))
                .forEach(
                        r -> m.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        return m;
    }

    public Map<Activity.Type, List<String>> requirements() {
        var q = TRAINING_REQUIREMENT;
        Map<Activity.Type, List<String>> m = new EnumMap<>(Activity.Type.class);
        dsl.selectFrom(q)
                .orderBy(q.ACTIVITY_TYPE, q.COURSE)
                .forEach(r -> m.computeIfAbsent(Activity.Type.valueOf(r.getActivityType()), k -> new ArrayList<>())
                        .add(r.getCourse()));
        return m;
    }

    public List<String> requirements(Activity.Type type) {
        var q = TRAINING_REQUIREMENT;
        return dsl.select(q.COURSE)
                .from(q)
                .where(q.ACTIVITY_TYPE.eq(type.name()))
                .orderBy(q.COURSE)
                .fetch(q.COURSE);
    }

    public void replaceRequirements(Activity.Type type, Collection<String> courses) {
        var q = TRAINING_REQUIREMENT;
        dsl.deleteFrom(q).where(q.ACTIVITY_TYPE.eq(type.name())).execute();
        for (String c : courses) {
            dsl.insertInto(q).set(q.ACTIVITY_TYPE, type.name()).set(q.COURSE, c).execute();
        }
    }

    /** Volunteers by id, in one query. */
    public Map<Long, Volunteer> byIds(Collection<Long> ids) {
        return dsl.selectFrom(VOLUNTEER)
                .where(VOLUNTEER.ID.in(ids))
                .fetchMap(VOLUNTEER.ID, VolunteerRepository::volunteer);
    }

    static BackgroundCheck check(BackgroundCheckRecord r) {
        return new BackgroundCheck(
                r.getId(),
                r.getVolunteerId(),
                r.getCheckedOn(),
                BackgroundCheck.Result.valueOf(r.getResult()),
                r.getValidUntil(),
                r.getReference());
    }

    static Volunteer volunteer(VolunteerRecord r) {
        Set<Volunteer.Specialty> s =
                r.getSpecialties() == null || r.getSpecialties().isBlank()
                        ? EnumSet.noneOf(Volunteer.Specialty.class)
                        : Arrays.stream(r.getSpecialties().split(","))
                                .map(Volunteer.Specialty::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Volunteer.Specialty.class)));
        return new Volunteer(
                r.getId(),
                r.getName(),
                r.getIdNumber(),
                r.getPhone(),
                r.getOrganisation(),
                s,
                r.getCertificates(),
                r.getAvailability(),
                r.getVersion());
    }
}
