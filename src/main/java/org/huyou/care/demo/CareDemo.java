package org.huyou.care.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.care.daily.DailyCareChoices.Hygiene;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;
import org.huyou.care.daily.DailyCareRepository;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.growth.GrowthRepository;
import org.huyou.care.growth.GrowthStandards;
import org.huyou.care.growth.GrowthStandards.Indicator;
import org.huyou.care.growth.GrowthStandards.Sex;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyRepository;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordRepository;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationRepository;
import org.huyou.care.medical.MedicationService;
import org.huyou.common.Dates;
import org.huyou.db.Transactions;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * Care history for the demo home: quarterly growth measurements following each child's own centile with some
 * noise (a few children falling behind, as in real homes), two months of day and night shift logs, and allergies
 * for some. Written through the repositories as seed data by "demo"; deterministic for a seed.
 */
public final class CareDemo {

    private static final String DEMO = "demo";
    private static final String[][] ALLERGENS = {
        {"青霉素", "皮疹"}, {"花生", "口唇肿胀"}, {"鸡蛋", "腹泻"}, {"牛奶", "呕吐"}, {"磺胺类药物", "荨麻疹"}
    };
    private static final String[] EVENTS = {"午睡时哭闹，安抚后入睡", "参加户外活动", "志愿者来访，情绪很好", "轻微咳嗽，已告知医护", "与同伴争抢玩具", "康复训练后较疲倦"};

    private final ResidentService residents;
    private final GrowthRepository growth;
    private final DailyCareRepository daily;
    private final AllergyRepository allergies;
    private final MedicalRecordRepository medical;
    private final MedicationRepository medication;
    private final Transactions tx;
    private final CurrentUser user;

    public CareDemo(
            ResidentService residents,
            GrowthRepository growth,
            DailyCareRepository daily,
            AllergyRepository allergies,
            MedicalRecordRepository medical,
            MedicationRepository medication,
            Transactions tx,
            CurrentUser user) {
        this.residents = residents;
        this.growth = growth;
        this.daily = daily;
        this.allergies = allergies;
        this.medical = medical;
        this.medication = medication;
        this.tx = tx;
        this.user = user;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(long seed, int daysOfLogs, LocalDateTime moment) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        Random rnd = new Random(seed);
        LocalDate today = residents.today();
        LocalDateTime now = Dates.noLaterThan(LocalDateTime.of(today, LocalTime.NOON), moment);
        GrowthStandards g = GrowthStandards.get();
        List<ResidentSummary> inCare =
                residents.search(new ResidentFilter(null, ResidentStatus.IN_CARE, null, null, null, null), 10_000);
        List<DailyLogEntry> logs = new ArrayList<>();
        List<GrowthRepository.Row> measurements = new ArrayList<>();
        tx.inTransaction(() -> {
            for (ResidentSummary r : inCare) {
                Sex sex = Sex.of(r.gender());
                double centile = rnd.nextGaussian() * 0.9 - 0.6; // children in care run below the reference
                boolean falling = rnd.nextInt(100) < 8;
                LocalDate first =
                        r.admissionDate().isAfter(today.minusYears(2)) ? r.admissionDate() : today.minusYears(2);
                for (LocalDate d = first; !d.isAfter(today); d = d.plusMonths(3)) {
                    int days = (int) ChronoUnit.DAYS.between(r.birthDate(), d);
                    if (days < 0) {
                        continue;
                    }
                    double noise = rnd.nextGaussian() * 0.15;
                    // a child falling behind loses weight-for-age; height keeps its centile (it never shrinks)
                    double z = centile - (falling ? ChronoUnit.DAYS.between(first, d) / 365.0 : 0) + noise;
                    double zHeight = centile + 0.2 + noise / 3;
                    BigDecimal weight = g.covers(Indicator.WEIGHT_FOR_AGE, sex, days)
                            ? round(g.valueAt(Indicator.WEIGHT_FOR_AGE, sex, days, z), 2)
                            : null;
                    BigDecimal height = g.covers(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, days)
                            ? round(g.valueAt(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, days, zHeight), 1)
                            : null;
                    BigDecimal head = g.covers(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex, days)
                            ? round(g.valueAt(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, sex, days, z), 1)
                            : null;
                    if (weight != null || height != null) {
                        measurements.add(new GrowthRepository.Row(
                                0, r.id(), d, height, weight, head, null, DEMO, null, null, null));
                    }
                }
                for (int back = daysOfLogs; back >= 0; back--) {
                    LocalDate d = today.minusDays(back);
                    if (d.isBefore(r.admissionDate())) {
                        continue;
                    }
                    logs.add(entry(rnd, r.id(), d, Shift.DAY));
                    logs.add(entry(rnd, r.id(), d, Shift.NIGHT));
                }
                addMedicalHistory(rnd, r, today, now);
                if (rnd.nextInt(100) < 12) {
                    String[] a = ALLERGENS[rnd.nextInt(ALLERGENS.length)];
                    allergies.insert(
                            r.id(),
                            a[0],
                            null,
                            a[1],
                            Allergy.Severity.values()[rnd.nextInt(3)],
                            r.admissionDate(),
                            DEMO,
                            now);
                }
            }
            // saved as the shift ends, never later than the clock: the shift log shows when
            growth.insertAll(measurements, now);
            daily.insertAll(logs, DEMO, e -> Dates.noLaterThan(shiftEnd(e), moment));
        });
    }

    private static LocalDateTime shiftEnd(DailyLogEntry e) {
        return e.shift() == Shift.NIGHT
                ? e.date().plusDays(1).atTime(7, 0)
                : e.date().atTime(15, 0);
    }

    private static final String[][] DIAGNOSES = {
        {"PHYSICAL", "脑性瘫痪"},
        {"INTELLECTUAL", "唐氏综合征"},
        {"MULTIPLE", "脑性瘫痪伴癫痫"},
        {"HEARING", "双耳感音神经性聋"},
        {"VISUAL", "先天性白内障"},
        {"MENTAL", "孤独症谱系障碍"},
        {"SPEECH", "构音障碍"}
    };

    /** A medical record of the child as the demo enters it: {@code kind} on {@code date}, not voided. */
    private void addRecord(
            ResidentSummary r,
            MedicalRecord.Kind kind,
            LocalDate date,
            String title,
            String detail,
            MedicalRecord.Funding funding,
            LocalDate nextDue,
            LocalDateTime now) {
        medical.insert(
                new MedicalRecord(0, r.id(), kind, date, title, detail, funding, nextDue, DEMO, false, null),
                DEMO,
                now);
    }

    private void addMedicalHistory(Random rnd, ResidentSummary r, LocalDate today, LocalDateTime now) {
        for (String[] d : DIAGNOSES) {
            if (d[0].equals(r.disabilityType().name())) {
                addRecord(r, MedicalRecord.Kind.DIAGNOSIS, r.admissionDate(), d[1], null, null, null, now);
            }
        }
        addRecord(
                r,
                MedicalRecord.Kind.INSURANCE,
                r.admissionDate(),
                "城乡居民基本医疗保险",
                "孤儿参保个人缴费部分由财政全额资助",
                MedicalRecord.Funding.MEDICAL_INSURANCE,
                null,
                now);
        LocalDate checkup = today.minusDays(125 + rnd.nextInt(60)); // the next one falls due over the coming weeks
        if (!checkup.isBefore(r.admissionDate())) {
            addRecord(
                    r,
                    MedicalRecord.Kind.CHECKUP,
                    checkup,
                    "半年健康体检",
                    "未见异常",
                    MedicalRecord.Funding.INSTITUTION,
                    checkup.plusMonths(6),
                    now);
        }
        if (r.disabilityType() == DisabilityType.PHYSICAL && rnd.nextInt(100) < 40) {
            LocalDate surgery = today.minusDays(100 + rnd.nextInt(500));
            if (!surgery.isBefore(r.admissionDate())) {
                addRecord(
                        r,
                        MedicalRecord.Kind.SURGERY,
                        surgery,
                        "跟腱延长术",
                        "省儿童医院",
                        MedicalRecord.Funding.TOMORROW_PLAN,
                        null,
                        now);
            }
        }
        if (r.disabilityType() == DisabilityType.MULTIPLE && rnd.nextInt(100) < 60) {
            List<LocalTime> times = List.of(LocalTime.of(8, 0), LocalTime.of(20, 0));
            long order = medication.insertOrder(
                    new Medication.Order(
                            0,
                            r.id(),
                            "丙戊酸钠口服溶液",
                            "5ml",
                            times,
                            today.minusMonths(2),
                            null,
                            null,
                            DEMO,
                            false,
                            null,
                            null,
                            null,
                            null,
                            null),
                    DEMO,
                    now);
            // The past week's doses were given: unrecorded ones stay on the rounds for a week, as overdue.
            for (LocalDate d = today.minusDays(MedicationService.OVERDUE_DAYS); d.isBefore(today); d = d.plusDays(1)) {
                for (LocalTime t : times) {
                    medication.insertAdministration(
                            order,
                            d.atTime(t),
                            Medication.Outcome.GIVEN,
                            null,
                            DEMO,
                            d.atTime(t).plusMinutes(5));
                }
            }
        }
    }

    private static DailyLogEntry entry(Random rnd, long residentId, LocalDate d, Shift shift) {
        int roll = rnd.nextInt(100);
        boolean night = shift == Shift.NIGHT;
        return new DailyLogEntry(
                null,
                residentId,
                d,
                shift,
                night ? null : roll < 75 ? Meals.ALL : roll < 90 ? Meals.MOST : Meals.HALF,
                night ? (roll < 85 ? Sleep.GOOD : Sleep.RESTLESS) : null,
                night ? null : roll < 60 ? Hygiene.DONE : Hygiene.HELPED,
                roll < 50 ? Mood.CALM : roll < 85 ? Mood.HAPPY : roll < 95 ? Mood.UPSET : Mood.ANXIOUS,
                roll >= 93 ? EVENTS[rnd.nextInt(EVENTS.length)] : null,
                null,
                DEMO,
                false);
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    }
}
