package org.huyou.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.security.AuditFilter;
import org.huyou.statistics.StatisticsRepository;
import org.huyou.statistics.StatisticsService;

/**
 * The loads behind the slowest modules' first screens (issue 31), each timed alone on a generated home: the
 * director's statistics, query by query, and the caseloads. Run by hand:
 * {@code java -cp ... org.huyou.bench.ModuleProbe <home> [rounds]}.
 */
final class ModuleProbe {

    private ModuleProbe() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try (AppContext ctx = BenchHomes.open(home, BenchHomes.DIRECTOR);
                Connection c = DirectSql.connect(ctx)) {
            StatisticsRepository repo = new StatisticsRepository(DirectSql.jooq(ctx, c));
            int year = LocalDate.now(ctx.clock()).getYear();
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            LocalDate tenYears = LocalDate.of(year - StatisticsService.YEARS_BACK + 1, 1, 1);
            Map<String, Supplier<Object>> loads = new LinkedHashMap<>();
            loads.put(
                    "residentsAsOf",
                    () -> repo.residentsAsOf(LocalDate.now(ctx.clock())).size());
            loads.put(
                    "departures",
                    () -> repo.departures(tenYears, to, StatisticsService.LEAVING)
                            .size());
            loads.put("placements", () -> repo.placements().size());
            loads.put("careActivity", () -> repo.careActivity(from, to).size());
            loads.put("donations", () -> repo.donations(from, to).size());
            loads.put("volunteers", () -> repo.volunteers(from, to).size());
            loads.put("volunteersServed", () -> repo.volunteersServed(from, to));
            loads.put("openDay", () -> repo.openDay(from, to).size());
            loads.put("medicalByYear", () -> repo.medicalByYear(tenYears, to).size());
            loads.put(
                    "dashboard", () -> ctx.statistics().dashboard(year).charts().size());
            loads.put("rehabCaseload", () -> ctx.rehab().caseload(false).size());
            loads.put("educationCaseload", () -> ctx.education().caseload(false).size());
            loads.put("psychCaseload", () -> ctx.psychology().caseload(false).size());
            // the other modules that missed the budget: what each first screen loads, as the screen asks for it
            loads.put("transitionDashboard", () -> {
                var d = ctx.transition().dashboard();
                return d.turning().size() + "/" + d.adults().size() + "/"
                        + d.left().size();
            });
            loads.put(
                    "ledgerNewest",
                    () -> ctx.ledger().entries(Long.MAX_VALUE, 300).size());
            loads.put("ledgerFunds", () -> ctx.ledger().funds().size());
            loads.put("ledgerStock", () -> ctx.ledger().stock(null).size());
            loads.put("ledgerExpiring", () -> ctx.ledger().expiringGoods().size());
            loads.put("volunteerList", () -> ctx.volunteers().list("", 500).size());
            loads.put("volunteerRenew", () -> ctx.volunteers().checksToRenew().size());
            LocalDate today = LocalDate.now(ctx.clock());
            loads.put("openDayRule", () -> ctx.openDay().rule().nextSession(today));
            loads.put("openDayBookings", () -> ctx.bookings().bookings(today).size());
            loads.put("openDayVisits", () -> ctx.visits().visits(today).size());
            loads.put("openDayStats", () -> ctx.visits().statistics(year).size());
            AuditFilter all = new AuditFilter(null, null, null, null, null, null);
            loads.put("auditBrowse", () -> ctx.audit().browse(all, 2000).size());
            loads.put("auditCount", () -> ctx.audit().count(all));
            loads.put("auditCheckNow", () -> ctx.audit().checkNow().ok());
            loads.put("remindersDue", () -> ctx.reminders().due().size());
            // a third argument names the loads to time (comma-separated), all of them without it
            if (args.length > 2) {
                loads.keySet().retainAll(java.util.Set.of(args[2].split(",")));
            }
            for (int round = 1; round <= rounds; round++) {
                for (var e : loads.entrySet()) {
                    long t = System.nanoTime();
                    Object n = e.getValue().get();
                    System.out.printf(
                            "round %d %-18s %7d ms  %s%n", round, e.getKey(), (System.nanoTime() - t) / 1_000_000, n);
                }
            }
        }
    }
}
