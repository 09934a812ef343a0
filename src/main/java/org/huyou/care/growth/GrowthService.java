package org.huyou.care.growth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.care.growth.GrowthStandards.Sex;
import org.huyou.common.Checks;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.residents.ResidentService;
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
 * Height/length, weight and head circumference over time, with z-scores against the WHO/CDC references; flags
 * below -2 or above +2 on the file and on the reminders screen.
 */
public final class GrowthService extends ServiceBase {

    private final GrowthRepository repo;
    private final ResidentService residents;

    public GrowthService(GrowthRepository repo, ResidentService residents, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.residents = residents;
    }

    @RequiresPermission(module = AppModule.GROWTH, action = Action.VIEW)
    public List<GrowthPoint> series(long residentId) {
        user.require(AppModule.GROWTH, Action.VIEW);
        ResidentService.Basics b = residents.basics(residentId);
        return repo.series(residentId).stream()
                .map(r -> point(r, b.gender(), b.birthDate()))
                .toList();
    }

    @RequiresPermission(module = AppModule.GROWTH, action = Action.CREATE)
    public GrowthPoint record(
            long residentId, LocalDate date, BigDecimal heightCm, BigDecimal weightKg, BigDecimal headCm, String note) {
        user.require(AppModule.GROWTH, Action.CREATE);
        ResidentService.Basics b = residents.basics(residentId);
        // each sentence names its field: a bare "应在 30 到 230 之间" in the error dialog did not say which
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("date", "growth.date", date, "validation.dateRequired.measured");
        checks.rule(date == null || !date.isBefore(b.birthDate()), "date", "growth.beforeBirth");
        checks.rule(heightCm != null || weightKg != null || headCm != null, "weight", "growth.nothingMeasured");
        checks.optionalRange("height", "growth.heightCm", heightCm, BigDecimal.valueOf(30), BigDecimal.valueOf(230));
        checks.optionalRange("weight", "growth.weightKg", weightKg, new BigDecimal("0.5"), BigDecimal.valueOf(250));
        checks.optionalRange("head", "growth.headCm", headCm, BigDecimal.valueOf(20), BigDecimal.valueOf(70));
        String cleanNote = checks.lines("note", "field.note", note, 500, false);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.insert(
                    residentId, date, heightCm, weightKg, headCm, cleanNote, user.username(), LocalDateTime.now(clock));
            GrowthPoint p = point(repo.find(id).orElseThrow(), b.gender(), b.birthDate());
            audit.record(
                    AuditLog.CREATE,
                    "growth_measurement",
                    id,
                    AuditSummary.of("auditSummary.value", date),
                    AuditChanges.created(new GrowthRepository.Row(
                            id,
                            residentId,
                            date,
                            heightCm,
                            weightKg,
                            headCm,
                            cleanNote,
                            user.username(),
                            null,
                            null,
                            null)));
            return p;
        });
    }

    @RequiresPermission(module = AppModule.GROWTH, action = Action.VOID)
    public void voidMeasurement(long measurementId, String reason) {
        user.require(AppModule.GROWTH, Action.VOID);
        Corrections.voidEntry(
                tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), measurementId, reason);
    }

    private GrowthPoint point(GrowthRepository.Row r, Gender gender, LocalDate birth) {
        int days = (int) ChronoUnit.DAYS.between(birth, r.date());
        Sex sex = Sex.of(gender);
        Double bmi = r.heightCm() == null || r.weightKg() == null
                ? null
                : r.weightKg().doubleValue() / Math.pow(r.heightCm().doubleValue() / 100, 2);
        return new GrowthPoint(
                r.id(),
                r.residentId(),
                r.date(),
                days,
                r.heightCm(),
                r.weightKg(),
                r.headCm(),
                r.note(),
                z(Indicator.WEIGHT_FOR_AGE, sex, days, r.weightKg()),
                z(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, days, r.heightCm()),
                z(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex, days, r.headCm()),
                bmi == null ? null : z(Indicator.BMI_FOR_AGE, sex, days, BigDecimal.valueOf(bmi)),
                r.createdBy(),
                r.voidedAt(),
                r.voidedBy(),
                r.voidReason());
    }

    private Double z(Indicator i, Sex sex, int days, BigDecimal value) {
        GrowthStandards standards = GrowthStandards.get(); // the WHO tables load on first use, not at every login
        if (value == null || !standards.covers(i, sex, days)) {
            return null;
        }
        return standards.zScore(i, sex, days, value.doubleValue());
    }

    /** This part's entries on the timeline (the source checks the viewer). */
    @AnyUser
    public TimelineSource timelineSource() {
        return TimelineSource.rows(
                user,
                CareDomain.GROWTH,
                AppModule.GROWTH,
                repo::page,
                r -> new TimelineEntry(
                        CareDomain.GROWTH,
                        r.id(),
                        r.date(),
                        summary(r.heightCm(), r.weightKg(), r.headCm()),
                        r.createdBy(),
                        r.voidedAt() != null,
                        r.voidReason(),
                        null));
    }

    static String summary(BigDecimal height, BigDecimal weight, BigDecimal head) {
        StringBuilder sb = new StringBuilder();
        if (height != null) {
            sb.append(Messages.t("growth.heightValue", height.toPlainString())).append("  ");
        }
        if (weight != null) {
            sb.append(Messages.t("growth.weightValue", weight.toPlainString())).append("  ");
        }
        if (head != null) {
            sb.append(Messages.t("growth.headValue", head.toPlainString()));
        }
        return sb.toString().strip();
    }

    /** Growth flags of residents in care: the latest measurement's z-scores outside +/-2. */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(user, AppModule.GROWTH, Action.VIEW, today -> {
            List<Reminder> out = new ArrayList<>();
            for (GrowthRepository.Latest l : repo.latestOfResidentsInCare()) {
                GrowthPoint p = point(
                        new GrowthRepository.Row(
                                0,
                                l.residentId(),
                                l.date(),
                                l.heightCm(),
                                l.weightKg(),
                                l.headCm(),
                                null,
                                null,
                                null,
                                null,
                                null),
                        Gender.valueOf(l.gender()),
                        l.birthDate());
                if (p.flagged()) {
                    out.add(new Reminder(
                            CareDomain.GROWTH,
                            l.residentId(),
                            l.name(),
                            l.date(),
                            Messages.t("growth.flag", flags(p)),
                            true));
                }
            }
            return out;
        });
    }

    /** The flags of a point in words: "体重 z=-2.4（低体重）" and the like. */
    public static String flags(GrowthPoint p) {
        List<String> parts = new ArrayList<>();
        flag(parts, "growth.weightForAge", p.weightZ(), "growth.low.weight", "growth.high.weight");
        flag(parts, "growth.heightForAge", p.heightZ(), "growth.low.height", "growth.high.height");
        flag(parts, "growth.headForAge", p.headZ(), "growth.low.head", "growth.high.head");
        flag(parts, "growth.bmiForAge", p.bmiZ(), "growth.low.bmi", "growth.high.bmi");
        return String.join("; ", parts);
    }

    private static void flag(List<String> parts, String what, Double z, String lowKey, String highKey) {
        if (z != null && (z < -2 || z > 2)) {
            parts.add(Messages.t(
                    "growth.flagPart",
                    Messages.t(what),
                    String.format("%.1f", z),
                    Messages.t(z < -2 ? lowKey : highKey)));
        }
    }
}
