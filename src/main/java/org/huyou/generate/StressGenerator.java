package org.huyou.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.huyou.common.UserFacingException;
import org.huyou.donations.LedgerRepository;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentService;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Fills an empty home with years of realistic-looking records for measuring speed at scale: residents across
 * categories and statuses, their care files, the donation ledger, volunteers, open days and placements.
 * Deterministic: the same profile (seed included) and the same day give the same database. Rows go in as JDBC
 * batches in transactions of a few thousand rows, so twenty thousand residents with five million care entries load
 * in minutes, not hours.
 */
public final class StressGenerator extends ServiceBase {

    /** What was written. */
    public record Summary(int residents, long careEntries, long ledgerEntries, long millis) {}

    private final ResidentService residents;
    private final ResidentRepository residentRepo;
    private final LedgerRepository ledgerRepo;
    private final StressRepository repo;

    public StressGenerator(
            ResidentService residents,
            ResidentRepository residentRepo,
            LedgerRepository ledgerRepo,
            StressRepository repo,
            ServiceContext context) {
        super(context);
        this.residents = residents;
        this.residentRepo = residentRepo;
        this.ledgerRepo = ledgerRepo;
        this.repo = repo;
    }

    /** Generates into an empty register (refused otherwise, so real records are never mixed with made-up ones). */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public Summary generate(StressProfile p, Consumer<String> progress) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        if (residents.hasResidents()) {
            throw new UserFacingException("demo.notEmpty");
        }
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Random rnd = new Random(p.seed());
        ChunkRunner chunks = tx::inTransaction;
        List<Long> groups = new ArrayList<>();
        chunks.run(() -> {
            for (String g : DemoHome.livingGroupNames()) {
                groups.add(residents.createLivingGroup(g).id());
            }
        });
        List<Stay> stays =
                new StressResidents(residentRepo, today, rnd).insert(p.residents(), p.years(), groups, chunks);
        progress.accept("residents " + stays.size());
        long care = new StressCare(repo, today, rnd).insert(stays, p.careEntries(), p.longStayEntries(), chunks);
        progress.accept("care entries " + care);
        long ledger = new StressLedger(ledgerRepo, today, rnd).insert(p.ledgerEntries(), p.years(), chunks);
        progress.accept("ledger entries " + ledger);
        StressCommunity community = new StressCommunity(repo, today, rnd);
        community.volunteers(p.residents(), p.years(), chunks);
        community.openDays(p.years(), chunks);
        community.placements(stays, chunks);
        progress.accept("volunteers, open days, placements");
        audit.record(AuditLog.IMPORT, "generated", null, AuditSummary.of("auditSummary.generated", p), null);
        return new Summary(stays.size(), care, ledger, (System.nanoTime() - start) / 1_000_000);
    }
}
