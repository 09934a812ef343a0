package org.huyou.care.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.care.PlanReviewRepository;
import org.huyou.care.PlanReviewRepository.PlanKind;
import org.huyou.care.education.Education;
import org.huyou.care.education.EducationRepository;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentRepository;
import org.huyou.care.plan.CarePlan;
import org.huyou.care.plan.CarePlanRepository;
import org.huyou.care.psych.CounsellingSession;
import org.huyou.care.psych.Instrument;
import org.huyou.care.psych.PsychRepository;
import org.huyou.care.psych.RiskAssessment;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.psych.Screening;
import org.huyou.care.rehab.Rehab;
import org.huyou.care.rehab.RehabRepository;
import org.huyou.common.Dates;
import org.huyou.db.Transactions;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * The demo home's integrated care (part 2): rehabilitation plans with weekly sessions and monthly scores for the
 * disabled children, school placements and IEPs by age, screenings and double assessments (mostly low risk, a few
 * high), counselling notes, a handful of incidents (one mandatory report still to record) and care plans, some
 * approved and reviewed, two waiting for the director. Seed data through the repositories; deterministic.
 */
public final class IntegratedCareDemo {

    private static final String DEMO = "demo";
    // the staff named in the demo's plans and assessments: those fields hold a person's name, not an account
    private static final String THERAPIST = "刘晓燕";
    private static final String TEACHER = "陈静";
    private static final String PSYCHOLOGIST = "周敏";
    private static final String CASE_WORKER = "王芳";
    private static final String[][] REHAB_GOALS = {
        {"PHYSICAL", "独立站立并扶物行走", "GMFM-88 D+E区（%）", "35", "60"},
        {"PHYSICAL", "独立上下楼梯", "GMFM-88 E区（%）", "20", "45"},
        {"SPEECH", "主动用词语表达需求", "每日主动表达次数", "3", "15"},
        {"OCCUPATIONAL", "独立用勺进食", "Peabody精细运动（原始分）", "40", "60"},
        {"COGNITIVE", "按颜色和形状分类", "正确分类数（共20）", "6", "16"},
        {"AUTISM", "共同注意持续时间", "持续时间（秒）", "5", "30"}
    };
    private static final String[][] IEP_GOALS = {
        {"SELF_CARE", "独立穿脱外套"},
        {"LANGUAGE", "能说出常见物品名称"},
        {"MATHEMATICS", "认识数字1-20并点数"},
        {"SOCIAL", "与同伴轮流游戏"},
        {"MOTOR", "双脚连续跳10次"},
        {"VOCATIONAL", "完成简单分拣工作15分钟"}
    };
    private static final String[] COUNSELLING_NOTES = {
        "谈到对原生家庭的思念，情绪低落，给予倾听与支持。", "近期与同伴冲突增多，练习情绪识别与表达。", "学业压力大，睡眠差，约定放松训练并与教师沟通。", "情绪较前平稳，能主动谈及未来打算。"
    };

    private final ResidentService residents;
    private final RehabRepository rehab;
    private final EducationRepository education;
    private final PsychRepository psych;
    private final IncidentRepository incidents;
    private final CarePlanRepository plans;
    private final PlanReviewRepository reviews;
    private final Transactions tx;
    private final CurrentUser user;

    public IntegratedCareDemo(
            ResidentService residents,
            RehabRepository rehab,
            EducationRepository education,
            PsychRepository psych,
            IncidentRepository incidents,
            CarePlanRepository plans,
            PlanReviewRepository reviews,
            Transactions tx,
            CurrentUser user) {
        this.residents = residents;
        this.rehab = rehab;
        this.education = education;
        this.psych = psych;
        this.incidents = incidents;
        this.plans = plans;
        this.reviews = reviews;
        this.tx = tx;
        this.user = user;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(long seed, LocalDateTime moment) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        Random rnd = new Random(seed * 31 + 7);
        LocalDate today = residents.today();
        LocalDateTime now = Dates.noLaterThan(LocalDateTime.of(today, LocalTime.NOON), moment);
        List<ResidentSummary> inCare =
                residents.search(new ResidentFilter(null, ResidentStatus.IN_CARE, null, null, null, null), 10_000);
        List<Instrument> instruments = Instrument.shipped();
        tx.inTransaction(() -> {
            int carePlans = 0;
            int index = 0;
            for (ResidentSummary r : inCare) {
                int age = Period.between(r.birthDate(), today).getYears();
                if (r.disabilityType() != DisabilityType.NONE && age >= 1) {
                    rehabilitation(rnd, r, today, now);
                }
                if (age >= 3) {
                    schooling(rnd, r, age, today, now);
                }
                if (age >= 6) {
                    psychology(rnd, r, age, instruments, today, now);
                }
                if (index % 7 == 0) {
                    carePlan(rnd, r, today, now, carePlans++ < 2);
                }
                index++;
            }
            incidents(inCare, today, now);
        });
    }

    private void rehabilitation(Random rnd, ResidentSummary r, LocalDate today, LocalDateTime now) {
        LocalDate start = latest(today.minusMonths(4), r.admissionDate());
        long plan = rehab.insertPlan(
                r.id(),
                "康复训练计划（" + start.getYear() + "年）",
                start,
                latest(start, today.plusDays(rnd.nextInt(50) - 10)),
                THERAPIST,
                DEMO,
                now);
        List<Rehab.Score> scores = new ArrayList<>();
        List<Rehab.Session> sessions = new ArrayList<>();
        List<String[]> chosen = new ArrayList<>();
        String area = switch (r.disabilityType()) {
            case PHYSICAL, MULTIPLE -> "PHYSICAL";
            case SPEECH, HEARING -> "SPEECH";
            case MENTAL -> "AUTISM";
            default -> "COGNITIVE";
        };
        for (String[] g : REHAB_GOALS) {
            if (g[0].equals(area) && chosen.size() < 2) {
                chosen.add(g);
            }
        }
        if (chosen.size() < 2) {
            chosen.add(REHAB_GOALS[3]);
        }
        for (String[] g : chosen) {
            BigDecimal base = new BigDecimal(g[3]);
            BigDecimal target = new BigDecimal(g[4]);
            long goal = rehab.insertGoal(plan, Rehab.Area.valueOf(g[0]), g[1], g[2], base, target, DEMO, now);
            double pace = 0.1 + rnd.nextDouble() * 0.15; // share of the way to the target gained per month
            int month = 0;
            for (LocalDate d = start; !d.isAfter(today); d = d.plusMonths(1), month++) {
                double share = Math.min(1.0, month * pace + rnd.nextGaussian() * 0.03);
                BigDecimal score = base.add(target.subtract(base).multiply(BigDecimal.valueOf(share)))
                        .setScale(0, RoundingMode.HALF_UP);
                scores.add(new Rehab.Score(0, r.id(), goal, d, score, null, DEMO, false, null));
            }
        }
        Rehab.Area sessionArea = Rehab.Area.valueOf(chosen.get(0)[0]);
        for (LocalDate d = start; d.isBefore(today); d = d.plusWeeks(1)) {
            int roll = rnd.nextInt(100);
            Rehab.Attendance a = roll < 88
                    ? Rehab.Attendance.ATTENDED
                    : roll < 96 ? Rehab.Attendance.ABSENT_ILL : Rehab.Attendance.CANCELLED;
            LocalDate next = d.plusWeeks(1);
            sessions.add(new Rehab.Session(
                    0,
                    r.id(),
                    plan,
                    d,
                    sessionArea,
                    a,
                    a == Rehab.Attendance.ATTENDED ? 45 : 0,
                    a == Rehab.Attendance.ATTENDED && roll < 20 ? "配合良好，完成全部训练项目" : null,
                    next,
                    DEMO,
                    false,
                    null));
        }
        rehab.insertAll(sessions, scores, DEMO, now);
    }

    private void schooling(Random rnd, ResidentSummary r, int age, LocalDate today, LocalDateTime now) {
        boolean disabled = r.disabilityType() != DisabilityType.NONE;
        Education.PlacementKind kind;
        String school = null;
        String cls;
        if (age <= 6) {
            kind = Education.PlacementKind.IN_HOUSE_PRESCHOOL;
            cls = "向日葵班";
        } else if (disabled && age <= 15) {
            kind = rnd.nextBoolean() ? Education.PlacementKind.IN_HOUSE_CLASS : Education.PlacementKind.SPECIAL_SCHOOL;
            school = kind == Education.PlacementKind.SPECIAL_SCHOOL ? "市特殊教育学校" : null;
            cls = kind == Education.PlacementKind.SPECIAL_SCHOOL ? "培智" + (age - 6) + "年级" : age < 11 ? "启智一班" : "启智二班";
        } else {
            kind = Education.PlacementKind.REGULAR_SCHOOL;
            school = age <= 12 ? "实验小学" : "第二中学";
            cls = (age <= 12 ? age - 6 : age - 12) + "年级";
        }
        LocalDate start =
                latest(LocalDate.of(today.getYear() - (today.getMonthValue() >= 9 ? 0 : 1), 9, 1), r.admissionDate());
        education.insertPlacement(
                new Education.Placement(0, r.id(), start, kind, school, cls, TEACHER, DEMO, false, null), DEMO, now);
        if (kind == Education.PlacementKind.IN_HOUSE_PRESCHOOL || kind == Education.PlacementKind.IN_HOUSE_CLASS) {
            long plan = education.insertPlan(
                    r.id(),
                    start.getYear() + "学年个别化教育计划",
                    start,
                    latest(start, today.plusDays(rnd.nextInt(60) - 10)),
                    TEACHER,
                    DEMO,
                    now);
            for (int i = 0; i < 2; i++) {
                String[] g = IEP_GOALS[rnd.nextInt(IEP_GOALS.length)];
                long goal = education.insertGoal(plan, Education.Area.valueOf(g[0]), g[1], DEMO, now);
                int level = 0;
                for (LocalDate d = start.plusMonths(1); d.isBefore(today); d = d.plusMonths(2)) {
                    level = Math.min(3, level + (rnd.nextInt(100) < 60 ? 1 : 0));
                    education.insertProgress(r.id(), goal, d, Education.Level.values()[level], null, DEMO, now);
                }
            }
        }
    }

    private void psychology(
            Random rnd, ResidentSummary r, int age, List<Instrument> instruments, LocalDate today, LocalDateTime now) {
        if (rnd.nextInt(100) >= 60) {
            return;
        }
        Instrument ins = instruments.stream()
                .filter(i -> age >= i.minAge() && age <= i.maxAge())
                .skip(age >= 12 && rnd.nextBoolean() ? 1 : 0)
                .findFirst()
                .orElse(null);
        int roll = rnd.nextInt(100);
        RiskGrade target = roll < 70 ? RiskGrade.LOW : roll < 92 ? RiskGrade.MEDIUM : RiskGrade.HIGH;
        LocalDate on = today.minusDays(3 + rnd.nextInt(target == RiskGrade.HIGH ? 5 : 60));
        if (on.isBefore(r.admissionDate())) {
            return;
        }
        Long screeningId = null;
        RiskGrade psychological = target;
        if (ins != null) {
            int bias = target.ordinal(); // answers lean higher for children at more risk
            List<Integer> answers = ins.items().stream()
                    .map(i -> Math.min(
                            ins.maxAnswer(), Math.max(0, rnd.nextInt(2) + bias - (rnd.nextInt(3) == 0 ? 1 : 0))))
                    .toList();
            Instrument.Result result = ins.score(answers);
            screeningId = psych.insertScreening(
                    new Screening(
                            0,
                            r.id(),
                            ins.code(),
                            on,
                            answers,
                            result.total(),
                            result.code(),
                            result.suggested(),
                            DEMO,
                            false,
                            null),
                    DEMO,
                    now);
            psychological = result.suggested();
        }
        RiskGrade guardianship = target == RiskGrade.HIGH && rnd.nextBoolean()
                ? RiskGrade.HIGH
                : rnd.nextInt(100) < 15 ? RiskGrade.MEDIUM : RiskGrade.LOW;
        RiskGrade grade = RiskAssessment.gradeOf(guardianship, psychological);
        psych.insertAssessment(
                new RiskAssessment(
                        0,
                        r.id(),
                        on,
                        guardianship,
                        psychological,
                        grade,
                        screeningId,
                        grade == RiskGrade.LOW ? null : "近期情绪与行为变化，需持续关注",
                        PSYCHOLOGIST,
                        false,
                        null),
                DEMO,
                now);
        if (grade != RiskGrade.LOW) {
            for (int i = 0; i < 2; i++) {
                LocalDate d = on.plusDays(1 + i * 3L);
                if (!d.isAfter(today)) {
                    psych.insertSession(
                            r.id(),
                            d,
                            i == 0 ? CounsellingSession.Kind.INDIVIDUAL : CounsellingSession.Kind.FOLLOW_UP,
                            50,
                            COUNSELLING_NOTES[rnd.nextInt(COUNSELLING_NOTES.length)],
                            DEMO,
                            now);
                }
            }
        }
    }

    private void carePlan(Random rnd, ResidentSummary r, LocalDate today, LocalDateTime now, boolean draft) {
        LocalDate start = latest(today.minusMonths(draft ? 0 : 5), r.admissionDate());
        long plan = plans.insertPlan(
                r.id(), start, draft ? "新入院综合评估后的照护计划" : "养治教康一体化照护计划", 6, start.plusMonths(6), DEMO, now);
        Object[][] goals = {
            {CarePlan.Domain.UPBRINGING, "建立稳定的作息与依恋关系", 2},
            {CarePlan.Domain.MEDICAL, "完成年度体检及疫苗补种", 1},
            {CarePlan.Domain.REHABILITATION, "按康复计划每周训练不少于3次", 4},
            {CarePlan.Domain.EDUCATION, "参加院内特教班并完成个别化教育计划", 6},
            {CarePlan.Domain.PSYCHOLOGY, "每季度完成一次心理筛查", 3}
        };
        for (int i = 0; i < 3 + rnd.nextInt(2); i++) {
            Object[] g = goals[i];
            long id = plans.insertGoal(
                    plan,
                    (CarePlan.Domain) g[0],
                    (String) g[1],
                    CASE_WORKER,
                    start.plusMonths((Integer) g[2]),
                    DEMO,
                    now);
            if (!draft && rnd.nextBoolean()) {
                plans.setGoalStatus(
                        id,
                        0,
                        rnd.nextBoolean() ? CarePlan.GoalStatus.IN_PROGRESS : CarePlan.GoalStatus.ACHIEVED,
                        DEMO,
                        now);
            }
        }
        if (!draft) {
            plans.approve(
                    plan,
                    plans.plan(plan).orElseThrow().version(),
                    start.plusMonths(6).minusDays(rnd.nextInt(40)),
                    false,
                    Accounts.DEMO_APPROVER, // not its drafter: the demo keeps the second pair of eyes
                    start.atTime(15, 0));
            if (rnd.nextBoolean()) {
                LocalDate reviewed = start.plusMonths(3);
                reviews.insert(
                        PlanKind.CARE_PLAN,
                        plan,
                        r.id(),
                        reviewed,
                        "目标推进顺利，继续执行",
                        null,
                        reviewed.plusMonths(6),
                        DEMO,
                        now);
            }
        }
    }

    private void incidents(List<ResidentSummary> inCare, LocalDate today, LocalDateTime now) {
        if (inCare.size() < 5) {
            return;
        }
        Object[][] cases = {
            {Incident.Kind.INJURY, Incident.Severity.MINOR, "户外活动区", "奔跑时摔倒，膝盖擦伤", "清洗消毒后包扎", false, null, 40},
            {
                Incident.Kind.INJURY,
                Incident.Severity.SERIOUS,
                "楼梯",
                "下楼时踩空摔倒，右前臂肿痛",
                "送市儿童医院拍片，诊断为桡骨青枝骨折",
                false,
                null,
                75
            },
            {
                Incident.Kind.RUNAWAY,
                Incident.Severity.SERIOUS,
                "院门口",
                "放学后未按时返院，2小时后在汽车站找到",
                "报警并由社工陪同返院，谈话疏导",
                true,
                Incident.ReportedTo.PUBLIC_SECURITY,
                20
            },
            {
                Incident.Kind.SUSPECTED_ABUSE,
                Incident.Severity.SERIOUS,
                "探视室",
                "亲属探视后发现背部淤青，孩子称被推搡",
                "医护检查拍照留存，暂停该亲属探视",
                true,
                Incident.ReportedTo.PUBLIC_SECURITY,
                12
            },
            {Incident.Kind.SELF_HARM, Incident.Severity.SERIOUS, "宿舍", "发现手腕有划痕", "医护处理伤口，心理老师危机干预", true, null, 2}
        };
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            ResidentSummary r = inCare.get((i * 11 + 3) % inCare.size());
            LocalDate d = latest(today.minusDays((Integer) c[7]), r.admissionDate());
            Incident.ReportedTo to = (Incident.ReportedTo) c[6];
            incidents.insert(
                    new Incident(
                            0,
                            r.id(),
                            d,
                            LocalTime.of(16, 30),
                            (Incident.Kind) c[0],
                            (Incident.Severity) c[1],
                            (String) c[2],
                            (String) c[3],
                            (String) c[4],
                            (Boolean) c[5],
                            to,
                            to == null ? null : "城区派出所 接报回执",
                            to == null ? null : d.atTime(18, 0),
                            DEMO,
                            0,
                            false,
                            null),
                    DEMO,
                    now);
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
