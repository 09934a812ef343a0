package org.huyou.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.huyou.common.IdNumber;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;

/**
 * The demo home's volunteers: students, medical staff and party-building partners (党建共建) with their checks (a few
 * running out, one pending, one never checked) and trainings, three months of shifts with attendance and next
 * month's plan. Deterministic for a seed.
 */
public final class VolunteerDemo {

    private static final String[] ORGS = {
        "滨州学院特殊教育系", "滨州医学院青年志愿者协会", "中国银行滨州分行党支部（党建共建）", "滨城区市东街道社区志愿服务队", "滨州职业学院学前教育系", null
    };
    private static final String[] FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"晓雯", "子涵", "浩然", "思雨", "俊杰", "雅琪", "志远", "佳怡", "明轩", "欣然", "文博", "梓萱"};
    private static final Object[][] ACTIVITIES = {
        {"周末陪伴", Activity.Type.COMPANIONSHIP, "生活区", null, 9, 11, 6},
        {"课业辅导", Activity.Type.TUTORING, "学习室", Volunteer.Specialty.SPECIAL_EDUCATION, 14, 16, 4},
        {"康复训练协助", Activity.Type.REHABILITATION, "康复中心", Volunteer.Specialty.REHABILITATION, 9, 11, 3},
        {"绘本共读", Activity.Type.EVENT, "活动室", Volunteer.Specialty.PRESCHOOL, 15, 17, 5},
        {"捐赠物资整理", Activity.Type.OFFICE, "库房", null, 14, 17, 6}
    };

    private final VolunteerRepository volunteers;
    private final ShiftRepository shifts;
    private final DemoPartWriter writer;

    public VolunteerDemo(VolunteerRepository volunteers, ShiftRepository shifts, DemoPartWriter writer) {
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.writer = writer;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(long seed, LocalDateTime moment) {
        Random rnd = new Random(seed * 31 + 7);
        writer.write(moment, (today, now) -> {
            List<Long> ready = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String name = FAMILY[rnd.nextInt(FAMILY.length)] + GIVEN[rnd.nextInt(GIVEN.length)];
                String org = ORGS[i % ORGS.length];
                Set<Volunteer.Specialty> specialties = EnumSet.noneOf(Volunteer.Specialty.class);
                specialties.add(
                        switch (i % ORGS.length) {
                            case 0 -> Volunteer.Specialty.SPECIAL_EDUCATION;
                            case 1 ->
                                rnd.nextBoolean() ? Volunteer.Specialty.MEDICAL : Volunteer.Specialty.REHABILITATION;
                            case 4 -> Volunteer.Specialty.PRESCHOOL;
                            case 5 -> Volunteer.Specialty.PSYCHOLOGY;
                            default -> Volunteer.Specialty.OTHER;
                        });
                LocalDate born = LocalDate.of(1975 + rnd.nextInt(30), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                String first17 = "371602" + born.toString().replace("-", "") + String.format("%03d", 100 + i);
                long id = volunteers.insert(
                        new Volunteer(
                                0,
                                name,
                                first17 + IdNumber.checkDigit(first17),
                                "139" + String.format("%08d", 5400000 + i * 37),
                                org,
                                specialties,
                                i % ORGS.length == 1 ? "护士执业证书" : null,
                                rnd.nextBoolean() ? "周末" : "工作日下午",
                                0),
                        "demo",
                        now);
                if (i == 22) {
                    continue; // registered last week, not checked yet
                }
                if (i == 23) {
                    volunteers.insertCheck(
                            new BackgroundCheck(0, id, today.minusDays(5), BackgroundCheck.Result.PENDING, null, null),
                            "demo",
                            now);
                    continue;
                }
                LocalDate checked = i < 3
                        ? today.minusYears(1).plusDays(5 + i * 7) // runs out within 30 days
                        : today.minusDays(30 + rnd.nextInt(300));
                volunteers.insertCheck(
                        new BackgroundCheck(
                                0,
                                id,
                                checked,
                                BackgroundCheck.Result.CLEAR,
                                checked.plusYears(1),
                                "滨公（查）字 " + (2000 + i)),
                        "demo",
                        now);
                volunteers.insertTraining(
                        new Training(0, id, "儿童保护与安全", checked.plusDays(3), new BigDecimal("3")), "demo", now);
                if (specialties.contains(Volunteer.Specialty.REHABILITATION)
                        || specialties.contains(Volunteer.Specialty.MEDICAL)) {
                    volunteers.insertTraining(
                            new Training(0, id, "康复辅助基础", checked.plusDays(10), new BigDecimal("4")), "demo", now);
                }
                ready.add(id);
            }
            YearMonth first = YearMonth.from(today).minusMonths(3);
            for (YearMonth m = first; !m.isAfter(YearMonth.from(today).plusMonths(1)); m = m.plusMonths(1)) {
                for (int week = 0; week < 4; week++) {
                    Object[] a = ACTIVITIES[(week + m.getMonthValue()) % ACTIVITIES.length];
                    LocalDate day = m.atDay(1 + week * 7 + rnd.nextInt(6));
                    shift(a, day, ready, rnd, today, now);
                }
            }
        });
    }

    private void shift(Object[] a, LocalDate day, List<Long> ready, Random rnd, LocalDate today, LocalDateTime now) {
        Activity activity = new Activity(
                0,
                (String) a[0],
                (Activity.Type) a[1],
                day,
                LocalTime.of((int) a[4], 0),
                LocalTime.of((int) a[5], 0),
                (String) a[2],
                (Volunteer.Specialty) a[3],
                (int) a[6],
                a[1] != Activity.Type.OFFICE);
        long id = shifts.insertActivity(activity, "demo", now);
        List<Long> pool = new ArrayList<>(ready);
        Collections.shuffle(pool, rnd);
        List<String> required = volunteers.requirements(activity.type());
        int taken = 0;
        for (long v : pool) {
            if (taken >= activity.capacity() - rnd.nextInt(2)) {
                break;
            }
            Set<String> courses = volunteers.coursesBy(List.of(v), day).getOrDefault(v, Set.of());
            if (!courses.containsAll(required)) {
                continue;
            }
            shifts.insertSignup(id, v, null, "demo", now);
            taken++;
            if (day.isBefore(today)) {
                boolean came = rnd.nextInt(10) < 9;
                shifts.recordAttendance(id, v, came, came ? activity.hours() : null);
            }
        }
    }
}
