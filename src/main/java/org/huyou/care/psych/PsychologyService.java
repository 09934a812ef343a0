package org.huyou.care.psych;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.db.SettingsRepository;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentWarnings;
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
 * Psychological screening with the shipped questionnaires, the double assessment and its risk grade, and the
 * follow-up schedule the grade sets. Reminders of follow-ups go to those who record them (the psychologist and the
 * social worker); on the timeline everyone else sees only that an entry exists.
 */
public final class PsychologyService extends ServiceBase implements ResidentWarnings {

    /** How far ahead follow-ups show on the reminders screen: a week, so a weekly follow-up is always in sight. */
    public static final int DUE_WINDOW_DAYS = 7;

    private static final String SCHEDULE_KEY = "psych.followUpDays.";

    private final PsychRepository repo;
    private final ResidentService residents;
    private final SettingsRepository settings;
    private final List<Instrument> instruments = Instrument.shipped();

    public PsychologyService(
            PsychRepository repo, ResidentService residents, SettingsRepository settings, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.residents = residents;
        this.settings = settings;
    }

    @AnyUser
    public List<Instrument> instruments() {
        return instruments;
    }

    @AnyUser
    public Instrument instrument(String code) {
        return instruments.stream()
                .filter(i -> i.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new UserFacingException("psych.unknownInstrument", String.valueOf(code)));
    }

    /** Scores and keeps one completed questionnaire; refuses a child outside the instrument's ages. */
    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.CREATE)
    public Screening screen(long residentId, String instrumentCode, LocalDate date, List<Integer> answers) {
        user.require(AppModule.PSYCHOLOGY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("instrument", "psych.instrument", instrumentCode);
        checks.pastDate("date", "psych.date", date);
        checks.throwIfAny();
        Instrument ins = instrument(instrumentCode);
        if (answers == null
                || answers.size() != ins.items().size()
                || answers.stream().anyMatch(a -> a == null)) {
            long missing = answers == null
                    ? ins.items().size()
                    : ins.items().size()
                            - answers.stream().filter(a -> a != null).count();
            throw new UserFacingException("psych.unanswered", missing);
        }
        LocalDate birth = residents.basics(residentId).birthDate();
        int age = Period.between(birth, date).getYears();
        if (age < ins.minAge() || age > ins.maxAge()) {
            throw new UserFacingException("psych.ageOutOfRange", ins.name(), ins.minAge(), ins.maxAge(), age);
        }
        Instrument.Result result = ins.score(answers);
        return tx.inTransaction(() -> {
            Screening draft = new Screening(
                    0,
                    residentId,
                    ins.code(),
                    date,
                    List.copyOf(answers),
                    result.total(),
                    result.code(),
                    result.suggested(),
                    user.username(),
                    false,
                    null);
            long id = repo.insertScreening(draft, user.username(), LocalDateTime.now(clock));
            audit.record(
                    AuditLog.CREATE,
                    "psych_screening",
                    id,
                    AuditSummary.of("auditSummary.screening", ins.code(), result.code()),
                    null);
            return repo.screening(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VIEW)
    public List<Screening> screenings(long residentId) {
        user.require(AppModule.PSYCHOLOGY, Action.VIEW);
        return repo.screenings(residentId);
    }

    /** The screening's result in the user's language, scored again from its answers. */
    @AnyUser
    public String describe(Screening s) {
        return instrument(s.instrument()).score(s.answers()).summary();
    }

    /**
     * Records a double assessment. The psychological side defaults to what the linked screening suggested; the
     * grade is the higher of the two sides, and it sets the follow-up schedule from today.
     */
    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.CREATE)
    public RiskAssessment assess(
            long residentId,
            LocalDate date,
            RiskGrade guardianship,
            RiskGrade psychological,
            Long screeningId,
            String basis) {
        user.require(AppModule.PSYCHOLOGY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("date", "psych.date", date);
        checks.required("guardianshipRisk", "psych.guardianshipRisk", guardianship);
        checks.required("psychologicalRisk", "psych.psychologicalRisk", psychological);
        String why = checks.lines("basis", "psych.basis", basis, 1000, false);
        checks.throwIfAny();
        if (screeningId != null) {
            Screening s = repo.screening(screeningId)
                    .filter(x -> x.residentId() == residentId && !x.voided())
                    .orElseThrow(() -> new UserFacingException("psych.screeningNotFound"));
            if (psychological.compareTo(s.suggested()) < 0 && why == null) {
                throw new UserFacingException(
                        "psych.lowerThanScreening", s.suggested().label());
            }
        }
        RiskGrade grade = RiskAssessment.gradeOf(guardianship, psychological);
        return tx.inTransaction(() -> {
            RiskAssessment a = new RiskAssessment(
                    0,
                    residentId,
                    date,
                    guardianship,
                    psychological,
                    grade,
                    screeningId,
                    why,
                    user.username(),
                    false,
                    null);
            long id = repo.insertAssessment(a, user.username(), LocalDateTime.now(clock));
            RiskAssessment saved = a.withId(id);
            audit.record(
                    AuditLog.CREATE,
                    "risk_assessment",
                    id,
                    AuditSummary.of("auditSummary.value", grade),
                    AuditChanges.created(saved));
            return saved;
        });
    }

    /** Every assessment of the resident, oldest first: the trend of the grade. */
    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VIEW)
    public List<RiskAssessment> assessments(long residentId) {
        user.require(AppModule.PSYCHOLOGY, Action.VIEW);
        return repo.assessments(residentId);
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VOID)
    public void voidScreening(long id, String reason) {
        user.require(AppModule.PSYCHOLOGY, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidableScreening(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VOID)
    public void voidAssessment(long id, String reason) {
        user.require(AppModule.PSYCHOLOGY, Action.VOID);
        Corrections.voidEntry(
                tx, audit, repo.voidableAssessment(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VIEW)
    public FollowUpSchedule schedule() {
        user.require(AppModule.PSYCHOLOGY, Action.VIEW);
        return readSchedule();
    }

    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.EDIT)
    public void setSchedule(FollowUpSchedule schedule) {
        user.require(AppModule.PSYCHOLOGY, Action.EDIT);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("schedule", "psych.schedule", schedule);
        checks.throwIfAny();
        for (RiskGrade g : RiskGrade.values()) {
            checks.range(g.name(), "risk." + g.name(), schedule.days().getOrDefault(g, 0), 1, 366);
        }
        checks.rule(
                schedule.daysFor(RiskGrade.HIGH) <= schedule.daysFor(RiskGrade.MEDIUM)
                        && schedule.daysFor(RiskGrade.MEDIUM) <= schedule.daysFor(RiskGrade.LOW),
                "schedule",
                "psych.scheduleOrder");
        checks.throwIfAny();
        FollowUpSchedule old = readSchedule();
        tx.inTransaction(() -> {
            schedule.days().forEach((g, d) -> settings.put(SCHEDULE_KEY + g.name(), String.valueOf(d)));
            audit.record(
                    AuditLog.EDIT,
                    "app_setting",
                    SCHEDULE_KEY,
                    AuditSummary.of("auditSummary.followUpSchedule"),
                    AuditChanges.diff(old, schedule));
        });
    }

    private FollowUpSchedule readSchedule() {
        Map<RiskGrade, Integer> days = new EnumMap<>(RiskGrade.class);
        for (RiskGrade g : RiskGrade.values()) {
            days.put(
                    g,
                    settings.get(SCHEDULE_KEY + g.name())
                            .map(Integer::valueOf)
                            .orElse(FollowUpSchedule.DEFAULT.daysFor(g)));
        }
        return new FollowUpSchedule(days);
    }

    /**
     * The residents in care with a grade: overdue follow-ups first, then high before medium before low. With
     * {@code mine}, only those the current user assessed last.
     */
    @RequiresPermission(module = AppModule.PSYCHOLOGY, action = Action.VIEW)
    public List<PsychCase> caseload(boolean mine) {
        user.require(AppModule.PSYCHOLOGY, Action.VIEW);
        return cases(mine ? user.username() : null, LocalDate.now(clock));
    }

    private List<PsychCase> cases(String psychologist, LocalDate today) {
        FollowUpSchedule schedule = readSchedule();
        return repo.currentCases(psychologist).stream()
                .map(r -> {
                    LocalDate last = r.lastSession() != null && r.lastSession().isAfter(r.assessedOn())
                            ? r.lastSession()
                            : r.assessedOn();
                    LocalDate due = schedule.nextDue(r.grade(), last);
                    return new PsychCase(
                            r.residentId(),
                            r.name(),
                            r.grade(),
                            r.assessedOn(),
                            r.psychologist(),
                            last,
                            due,
                            due.isBefore(today));
                })
                .sorted(Comparator.comparing((PsychCase c) -> !c.overdue())
                        .thenComparing(PsychCase::grade, Comparator.reverseOrder())
                        .thenComparing(PsychCase::nextDue)
                        .thenComparing(PsychCase::residentName))
                .toList();
    }

    /** Follow-ups due within a week, for those who record them. */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(
                user,
                AppModule.PSYCHOLOGY,
                Action.CREATE,
                today -> cases(null, today).stream()
                        .filter(c -> !c.nextDue().isAfter(today.plusDays(DUE_WINDOW_DAYS)))
                        .map(c -> new Reminder(
                                CareDomain.PSYCHOLOGY,
                                c.residentId(),
                                c.residentName(),
                                c.nextDue(),
                                Messages.t(
                                        "psych.followUpDue",
                                        c.grade().label(),
                                        Messages.t("psych.every", readSchedule().daysFor(c.grade()))),
                                c.overdue()))
                        .toList());
    }

    /**
     * A high grade in the file's header, for those who may read the grade: the psychologist, the social worker and
     * the director see at once who needs close attention; others see nothing of it.
     */
    @Override
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<String> warningsFor(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        if (!user.can(AppModule.PSYCHOLOGY, Action.VIEW)) {
            return List.of();
        }
        List<RiskAssessment> all = repo.assessments(residentId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).voided()) {
                return all.get(i).grade() == RiskGrade.HIGH
                        ? List.of(Messages.t(
                                "psych.highRiskWarning", Dates.format(all.get(i).assessedOn())))
                        : List.of();
            }
        }
        return List.of();
    }

    @AnyUser
    public List<TimelineSource> timelineSources() {
        return List.of(
                TimelineSource.sealed(
                        user,
                        CareDomain.PSYCHOLOGY,
                        AppModule.PSYCHOLOGY,
                        (id, c, from, to, limit) -> repo.assessmentPage(id, c, from, to, limit).stream()
                                .map(a -> new TimelineEntry(
                                        CareDomain.PSYCHOLOGY,
                                        a.id(),
                                        a.assessedOn(),
                                        Messages.t(
                                                "psych.assessmentSummary",
                                                a.grade().label(),
                                                a.guardianshipRisk().label(),
                                                a.psychologicalRisk().label()),
                                        a.psychologist(),
                                        a.voided(),
                                        a.voidReason(),
                                        null))
                                .toList()),
                TimelineSource.sealed(
                        user,
                        CareDomain.PSYCHOLOGY,
                        AppModule.PSYCHOLOGY,
                        (id, c, from, to, limit) -> repo.screeningPage(id, c, from, to, limit).stream()
                                .map(s -> new TimelineEntry(
                                        CareDomain.PSYCHOLOGY,
                                        s.id(),
                                        s.assessedOn(),
                                        Messages.t(
                                                "psych.screeningLine",
                                                instrument(s.instrument()).name(),
                                                describe(s)),
                                        s.recordedBy(),
                                        s.voided(),
                                        s.voidReason(),
                                        null))
                                .toList()));
    }
}
