package org.huyou.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.huyou.care.psych.RiskGrade;
import org.huyou.residents.DisabilityType;

/**
 * The care file's history: each resident's share of the care entries follows their days in care (daily logs about
 * 85 %, growth, medical, rehabilitation sessions for disabled children, risk assessments), spread evenly over the stay.
 */
final class StressCare {

    private static final String[] SHIFTS = {"DAY", "EVENING", "NIGHT"};
    private static final String[] MEALS = {"ALL", "ALL", "ALL", "MOST", "MOST", "HALF", "LITTLE"};
    private static final String[] SLEEP = {"GOOD", "GOOD", "GOOD", "RESTLESS", "POOR"};
    private static final String[] HYGIENE = {"DONE", "DONE", "HELPED", "NOT_DONE"};
    private static final String[] MOOD = {"HAPPY", "CALM", "CALM", "CALM", "UPSET", "ANXIOUS", "ANGRY"};
    private static final String[] MEDICAL = {"CHECKUP", "CHECKUP", "IMMUNISATION", "HOSPITAL_VISIT", "TREATMENT"};
    private static final String[] MEDICAL_TITLES = {"季度体检", "季度体检", "计划免疫接种", "门诊就医", "康复治疗"};
    private static final String[] FUNDING = {"INSTITUTION", "MEDICAL_INSURANCE", "TOMORROW_PLAN", "DONATION"};
    private static final String[] AREAS = {"PHYSICAL", "OCCUPATIONAL", "SPEECH", "COGNITIVE", "AUTISM"};
    private static final String[] ATTENDANCE = {
        "ATTENDED", "ATTENDED", "ATTENDED", "ATTENDED", "ABSENT_ILL", "CANCELLED"
    };
    private static final String[] RISK = {"LOW", "LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH"};
    private static final int RESIDENTS_PER_CHUNK = 200;

    private final StressRepository repo;
    private final LocalDate today;
    private final Random rnd;

    StressCare(StressRepository repo, LocalDate today, Random rnd) {
        this.repo = repo;
        this.today = today;
        this.rnd = rnd;
    }

    /** Writes about {@code total} entries; the first stay (the long-stay child) gets {@code longStay} of them. */
    long insert(List<Stay> stays, long total, int longStay, ChunkRunner chunks) {
        double otherDays = stays.stream().skip(1).mapToLong(s -> s.days(today)).sum();
        long rest = total - longStay;
        for (int from = 0; from < stays.size(); from += RESIDENTS_PER_CHUNK) {
            int start = from;
            chunks.run(() -> {
                for (int i = start; i < Math.min(stays.size(), start + RESIDENTS_PER_CHUNK); i++) {
                    Stay s = stays.get(i);
                    long n = i == 0 ? longStay : Math.round(rest * s.days(today) / Math.max(1, otherDays));
                    resident(s, (int) n);
                }
                repo.flush();
            });
        }
        return repo.written();
    }

    private void resident(Stay s, int entries) {
        if (entries <= 0) {
            return;
        }
        boolean disabled = s.disability() != DisabilityType.NONE;
        int growth = entries * 5 / 100;
        int medical = entries * 4 / 100;
        int rehab = disabled ? entries * 4 / 100 : 0;
        int risk = entries * 2 / 100;
        int daily = entries - growth - medical - rehab - risk;
        LocalDate first = s.admission();
        long days = s.days(today);
        dailyLogs(s, daily, first, days);
        for (int k = 0; k < growth; k++) {
            LocalDate d = spread(first, days, k, growth);
            double age = ChronoUnit.DAYS.between(s.birth(), d) / 365.25;
            repo.growth(s.residentId(), d, cm(Math.min(175, 50 + age * 6.2)), kg(Math.min(70, 3.3 + age * 2.6)));
        }
        for (int k = 0; k < medical; k++) {
            int kind = rnd.nextInt(MEDICAL.length);
            repo.medical(
                    s.residentId(),
                    MEDICAL[kind],
                    spread(first, days, k, medical),
                    MEDICAL_TITLES[kind],
                    FUNDING[rnd.nextInt(FUNDING.length)]);
        }
        if (rehab > 0) {
            long plan = repo.rehabPlan(s.residentId(), "个别化康复计划", first, first.plusMonths(6), "therapist");
            String area = AREAS[rnd.nextInt(AREAS.length)];
            for (int k = 0; k < rehab; k++) {
                String attendance = ATTENDANCE[rnd.nextInt(ATTENDANCE.length)];
                repo.rehabSession(
                        s.residentId(),
                        plan,
                        spread(first, days, k, rehab),
                        area,
                        attendance,
                        "ATTENDED".equals(attendance) ? 30 + 15 * rnd.nextInt(3) : 0);
            }
        }
        for (int k = 0; k < risk; k++) {
            String g = RISK[rnd.nextInt(RISK.length)];
            String p = RISK[rnd.nextInt(RISK.length)];
            repo.riskAssessment(s.residentId(), spread(first, days, k, risk), g, p, higher(g, p), "psychologist");
        }
    }

    /** Up to three shifts a day, on days spread evenly over the stay. */
    private void dailyLogs(Stay s, int count, LocalDate first, long days) {
        int perDay = (int) Math.min(3, Math.max(1, (count + days - 1) / days));
        int dates = (count + perDay - 1) / perDay;
        int written = 0;
        for (int k = 0; k < dates && written < count; k++) {
            LocalDate d = spread(first, days, k, dates);
            for (int shift = 0; shift < perDay && written < count; shift++, written++) {
                repo.dailyLog(s.residentId(), d, SHIFTS[shift], pick(MEALS), pick(SLEEP), pick(HYGIENE), pick(MOOD));
            }
        }
    }

    private static LocalDate spread(LocalDate first, long days, int k, int n) {
        return first.plusDays(k * days / Math.max(1, n));
    }

    private String pick(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static String higher(String a, String b) {
        return RiskGrade.higher(RiskGrade.valueOf(a), RiskGrade.valueOf(b)).name(); // the double assessment's rule
    }

    private static BigDecimal cm(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal kg(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
