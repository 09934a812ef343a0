package org.huyou.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.care.ReminderSource;

/**
 * Each reminder source on a generated home, timed alone (issue 31: the count beside 提醒 took seconds on the stress
 * home). Run by hand: {@code java -cp ... org.huyou.bench.ReminderProbe <home> [rounds]}.
 */
final class ReminderProbe {

    private ReminderProbe() {}

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (AppContext ctx = BenchHomes.open(home, BenchHomes.DIRECTOR)) {
            Map<String, ReminderSource> sources = new LinkedHashMap<>();
            sources.put("medication", ctx.medication().reminderSource());
            sources.put("medical", ctx.medicalRecords().reminderSource());
            sources.put("growth", ctx.growth().reminderSource());
            sources.put("rehab", ctx.rehab().reminderSource());
            sources.put("education", ctx.education().reminderSource());
            sources.put("psychology", ctx.psychology().reminderSource());
            sources.put("incidents", ctx.incidents().reminderSource());
            List<ReminderSource> plans = new ArrayList<>(ctx.carePlans().reminderSources());
            for (int i = 0; i < plans.size(); i++) {
                sources.put("carePlan" + i, plans.get(i));
            }
            sources.put("documents", ctx.documents().reminderSource());
            LocalDate today = ctx.reminders().today();
            for (int round = 1; round <= rounds; round++) {
                for (var e : sources.entrySet()) {
                    ReminderSource s = e.getValue();
                    if (!ctx.currentUser().can(s.module(), s.requiredAction())) {
                        System.out.printf("round %d %-12s not the director's%n", round, e.getKey());
                        continue;
                    }
                    long t = System.nanoTime();
                    int n = s.due(today).size();
                    System.out.printf(
                            "round %d %-12s %7d ms  %6d reminders%n",
                            round, e.getKey(), (System.nanoTime() - t) / 1_000_000, n);
                }
                long t = System.nanoTime();
                int n = ctx.reminders().dueNow();
                System.out.printf(
                        "round %d %-12s %7d ms  %6d due now%n",
                        round, "dueNow", (System.nanoTime() - t) / 1_000_000, n);
            }
        }
    }
}
