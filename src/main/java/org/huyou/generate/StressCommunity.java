package org.huyou.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.OpenDayService;
import org.huyou.openday.VisitRepository;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.demo.DemoHome;

/**
 * The home's community over the years: volunteers and their weekly activities with sign-ups and hours, open-day
 * visitors at every session (personal data removed after the retention period, as the home does), and a placement plan
 * for every resident who left as an adult.
 */
final class StressCommunity {

    private static final String[] TYPES = {"COMPANIONSHIP", "TUTORING", "REHABILITATION", "EVENT", "OFFICE"};
    private static final String[] TITLES = {"周末陪伴", "课业辅导", "康复协助", "节日活动", "档案整理"};
    private static final String[] ORGS = {"滨州学院青年志愿者协会", "滨州医学院志愿服务队", "黄河社工服务中心", null};
    private static final String[] PATHWAYS = {"SOCIALIZED", "DESTITUTE_SUPPORT", "WELFARE_TRANSFER"};

    private final StressRepository repo;
    private final LocalDate today;
    private final Random rnd;

    StressCommunity(StressRepository repo, LocalDate today, Random rnd) {
        this.repo = repo;
        this.today = today;
        this.rnd = rnd;
    }

    void volunteers(int residents, int years, ChunkRunner chunks) {
        int count = Math.max(10, residents / 20);
        LocalDate start = today.minusYears(years);
        List<Long> ids = new ArrayList<>();
        chunks.run(() -> {
            for (int i = 0; i < count; i++) {
                Gender g = rnd.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                ids.add(repo.volunteer(
                        DemoHome.surname(rnd) + DemoHome.givenName(rnd, g),
                        "158" + String.format("%08d", i),
                        ORGS[rnd.nextInt(ORGS.length)],
                        null,
                        start.plusDays(rnd.nextInt(years * 365))));
            }
        });
        for (LocalDate week = start; week.isBefore(today); week = week.plusWeeks(4)) {
            LocalDate from = week;
            chunks.run(() -> {
                for (LocalDate d = from; d.isBefore(from.plusWeeks(4)) && d.isBefore(today); d = d.plusWeeks(1)) {
                    int t = rnd.nextInt(TYPES.length);
                    long activity = repo.activity(TITLES[t], TYPES[t], d, LocalTime.of(9, 0), LocalTime.of(11, 30), 20);
                    int signed = 3 + rnd.nextInt(10);
                    int first = rnd.nextInt(ids.size());
                    for (int k = 0; k < signed && k < ids.size(); k++) {
                        boolean came = rnd.nextInt(10) < 8;
                        repo.signup(
                                activity,
                                ids.get((first + k) % ids.size()),
                                d,
                                came,
                                came ? new BigDecimal("2.50") : null);
                    }
                }
                repo.flush();
            });
        }
    }

    void openDays(int years, ChunkRunner chunks) {
        chunks.run(() -> openDaySessions(years));
    }

    private void openDaySessions(int years) {
        OpenDayRule rule = OpenDayRule.DEFAULT;
        int slip = 0;
        int slipYear = 0;
        for (LocalDate d = rule.nextSession(today.minusYears(years));
                d.isBefore(today);
                d = rule.nextSession(d.plusDays(1))) {
            if (d.getYear() != slipYear) {
                if (slipYear != 0) {
                    repo.slipCounter(slipYear, slip);
                }
                slipYear = d.getYear();
                slip = 0;
            }
            boolean removed = d.isBefore(today.minusDays(OpenDayService.DEFAULT_RETENTION_DAYS));
            for (OpenDayRule.Slot slot : rule.slots()) {
                int visits = 5 + rnd.nextInt(15);
                for (int v = 0; v < visits; v++) {
                    slip++;
                    String first17 = "371602" + (1970 + v % 30) + "0" + (1 + v % 9) + "1" + (v % 9)
                            + String.format("%03d", slip % 1000);
                    repo.visit(
                            d,
                            slot.toString(),
                            removed ? VisitRepository.REMOVED : DemoHome.surname(rnd) + "先生",
                            removed ? null : first17 + IdNumber.checkDigit(first17),
                            removed ? null : "137" + String.format("%08d", slip),
                            1 + rnd.nextInt(4),
                            d.getYear() + "-" + String.format("%04d", slip),
                            slot.start(),
                            removed);
                }
            }
        }
        // numbered as the front desk numbers them, and the counter where they end: a check-in after generating
        // gets the next number, not a second 1 (the load benchmark found two of each)
        if (slipYear != 0) {
            repo.slipCounter(slipYear, slip);
        }
        repo.flush();
    }

    void placements(List<Stay> stays, ChunkRunner chunks) {
        chunks.run(() -> {
            for (Stay s : stays) {
                if (s.leftAs() == ResidentStatus.ADULT_TRANSITION) {
                    repo.transitionPlan(
                            s.residentId(),
                            PATHWAYS[rnd.nextInt(PATHWAYS.length)],
                            "按评估结果安置",
                            s.departure().minusMonths(6),
                            s.departure());
                }
            }
            repo.flush();
        });
    }
}
