package org.huyou.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineService;
import org.huyou.care.daily.DailyCareChoices;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.care.medical.Medication;
import org.huyou.common.Pinyin;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.donations.LedgerEntry;
import org.huyou.openday.Visit;
import org.huyou.openday.VisitService;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.residents.ui.ResidentListViewModel;
import org.huyou.security.Role;
import org.huyou.server.ResidentDrafts;

/**
 * Several office PCs on one PostgreSQL server at once (issue 31): each simulated PC has its own data folder, its own
 * connection pool and its own login, and runs a staff member's mix for a fixed time through the real services: the
 * register searched as typed (one search per keystroke), files and their timelines opened, a group's shift log
 * loaded and saved, doses recorded, donations with their receipt numbers, open-day check-ins with their slips, and
 * residents edited. PCs work in pairs on shared records (the same group, dose, visitor and resident) so that some
 * saves conflict on purpose. People pause: a keystroke every {@link #KEY_MS}, a short pause between actions, a form
 * typed for a moment before it is saved; without those, 20 threads on one machine measure its CPU, not the server.
 * Afterwards every acknowledged save is looked for in the database, and the numbers and chains are checked.
 */
final class LoadBench {

    static final long KEY_MS = 150;
    /** The operations whose p95 has the 50 ms budget: what a person waits for while typing or after 保存. */
    static final Set<String> BUDGETED = Set.of("search", "shiftSave", "dose", "donation", "checkIn", "edit");

    static final List<String> OPERATIONS =
            List.of("search", "openFile", "timeline", "shiftOpen", "shiftSave", "dose", "donation", "checkIn", "edit");
    private static final int GROUP_SIZE = 15;
    private static final String SLOT = "09:00-11:30";

    private final Path serverHome;
    private final Clock clock = Clock.systemDefaultZone();
    private final LocalDate today = LocalDate.now(clock);
    /** What the run knows of the home, read once before the PCs start. */
    private final List<String> names = new ArrayList<>();

    private final List<Long> residentIds = new ArrayList<>();
    private final List<List<Long>> groups = new ArrayList<>();
    private final List<Long> donors = new ArrayList<>();
    private final List<Long> funds = new ArrayList<>();
    private final List<Long> shared = new ArrayList<>();
    /** Per PC its own dose orders; per pair one order both record (first one wins each dose). */
    private final Map<Integer, List<Medication.Order>> ownOrders = new HashMap<>();

    private final Map<Integer, Medication.Order> pairOrders = new HashMap<>();

    /** What the PCs were told was saved, and what they were told was refused. */
    private final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<ShiftSave> shiftSaves = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> doses = Collections.synchronizedList(new ArrayList<>());
    private final List<LedgerEntry> donations = Collections.synchronizedList(new ArrayList<>());
    private final List<Visit> visits = Collections.synchronizedList(new ArrayList<>());
    private final List<Resident> edits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> staleMessages = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, Integer> versionsBefore = new HashMap<>();
    /** Where the two PCs of a pair meet for their deliberate conflict: both have the same resident's form open. */
    private final Map<Integer, java.util.concurrent.CyclicBarrier> pairsMeet = new ConcurrentHashMap<>();
    /** Per PC and order, the next dose it tries: kept from one phase to the next, so no dose is tried twice. */
    private final Map<String, Integer> nextDose = new ConcurrentHashMap<>();

    private record ShiftSave(LocalDate date, DailyCareChoices.Shift shift, Map<Long, String> notes) {}

    /** One phase's figures: per operation its latencies, refusals and rate, over {@code seconds}. */
    record Phase(int clients, double seconds, Map<String, List<Double>> latencies, Map<String, Integer> refused) {

        Stats stats(String op) {
            List<Double> l = latencies.get(op);
            return l == null || l.isEmpty() ? null : Stats.of(l);
        }

        double p99(String op) {
            List<Double> l = new ArrayList<>(latencies.get(op));
            Collections.sort(l);
            return Stats.percentile(l, 99);
        }

        double perSecond(String op) {
            List<Double> l = latencies.get(op);
            return l == null ? 0 : l.size() / seconds;
        }
    }

    /** What the check afterwards found: all zero and true is a pass. */
    record Checks(
            int acknowledged,
            int lost,
            int duplicated,
            boolean ledgerChain,
            boolean auditChain,
            int receiptsDuplicated,
            int receiptsSkipped,
            int slipsDuplicated,
            int slipsSkipped,
            int conflictsRefused,
            int conflictsWithoutReason,
            int overwritten,
            List<String> problems) {

        boolean ok() {
            return lost == 0
                    && duplicated == 0
                    && ledgerChain
                    && auditChain
                    && receiptsDuplicated == 0
                    && receiptsSkipped == 0
                    && slipsDuplicated == 0
                    && slipsSkipped == 0
                    && conflictsWithoutReason == 0
                    && overwritten == 0
                    && problems.isEmpty();
        }
    }

    LoadBench(Path serverHome) {
        this.serverHome = serverHome;
    }

    // ---- preparing the home ----------------------------------------------------------------------------------

    /** Accounts for the PCs, and what they will work on: names, groups, donors, funds and dose orders. */
    void prepare(int pcs) throws Exception {
        try (AppContext admin = BenchHomes.open(serverHome, "admin")) {
            EnumSet<Role> roles = EnumSet.of(
                    Role.SOCIAL_WORKER, Role.CAREGIVER, Role.MEDICAL_STAFF, Role.FINANCE_OFFICER, Role.FRONT_DESK);
            for (int i = 0; i < pcs; i++) {
                admin.accounts().create(user(i), "PC" + (i + 1), BenchHomes.PASSWORD, roles);
            }
        }
        try (AppContext ctx = BenchHomes.open(serverHome, user(0))) {
            try (Connection c = DirectSql.connect(ctx);
                    PreparedStatement ps = c.prepareStatement("SELECT id, name FROM resident WHERE voided_at IS NULL "
                            + "AND MOD(id, 7) = 3 ORDER BY id LIMIT 400");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    residentIds.add(rs.getLong(1));
                    names.add(rs.getString(2));
                }
            }
            for (LivingGroup g : ctx.residents().livingGroups()) {
                List<Long> ids = ctx
                        .residents()
                        .search(new ResidentFilter(null, ResidentStatus.IN_CARE, null, g.id(), null, null), GROUP_SIZE)
                        .stream()
                        .map(ResidentSummary::id)
                        .toList();
                if (!ids.isEmpty()) {
                    groups.add(ids);
                }
            }
            ctx.ledger().donors(null, 50).forEach(d -> donors.add(d.id()));
            ctx.ledger().funds().forEach(f -> funds.add(f.id()));
            // each pair of PCs edits one resident; the same for every run of this size
            // (a generated resident the form itself would not save, e.g. a transfer without where from, is skipped)
            for (int k = residentIds.size() - 1; shared.size() < (pcs + 1) / 2; k--) {
                Resident r = ctx.residents().get(residentIds.get(k));
                if (ctx.residents().check(r).isEmpty()) {
                    shared.add(r.id());
                    versionsBefore.put(r.id(), r.version());
                }
            }
            LocalDate start = today.minusYears(2);
            int next = 0;
            for (int i = 0; i < pcs; i++) {
                List<Medication.Order> own = new ArrayList<>();
                while (own.size() < 3) {
                    prescribe(ctx, residentIds.get(next++ % residentIds.size()), start)
                            .ifPresent(own::add);
                }
                ownOrders.put(i, own);
                if (i % 2 == 0) {
                    Medication.Order o = null;
                    while (o == null) {
                        o = prescribe(ctx, residentIds.get(next++ % residentIds.size()), start)
                                .orElse(null);
                    }
                    pairOrders.put(i / 2, o);
                }
            }
        }
        if (groups.isEmpty() || donors.isEmpty() || funds.isEmpty()) {
            throw new IllegalStateException("the load home has no groups, donors or funds");
        }
    }

    /** An order of a drug without the child's allergies in the way (a child allergic to it is skipped). */
    private static java.util.Optional<Medication.Order> prescribe(AppContext ctx, long resident, LocalDate start) {
        try {
            return java.util.Optional.of(
                    ctx.medication().prescribe(resident, "维生素D滴剂", "1粒", "08:00,12:00,18:00", start, null, null));
        } catch (UserFacingException allergic) {
            return java.util.Optional.empty();
        }
    }

    static String user(int pc) {
        return String.format(Locale.ROOT, "pc%02d", pc + 1);
    }

    // ---- running ---------------------------------------------------------------------------------------------

    /** {@code pcs} PCs log in (each its own folder, pool and session) and work for {@code seconds}. */
    Phase run(String label, int pcs, int seconds, int firstPc) throws Exception {
        latencies.clear();
        refused.clear();
        ServerConnection server = ServerConnection.load(serverHome);
        List<AppContext> contexts = new ArrayList<>();
        try {
            for (int i = 0; i < pcs; i++) {
                Path folder = serverHome.resolveSibling(serverHome.getFileName() + "-" + label + "-" + user(i));
                if (Files.exists(folder)) {
                    try (var files = Files.walk(folder)) {
                        files.sorted(java.util.Comparator.reverseOrder())
                                .forEach(p -> p.toFile().delete());
                    }
                }
                HomeAccess.connectToServer(folder, server, clock);
                contexts.add(HomeAccess.login(folder, user(i), BenchHomes.PASSWORD.toCharArray(), clock));
            }
            pairsMeet.clear();
            for (int pair = 0; pair < (pcs + 1) / 2; pair++) {
                pairsMeet.put(pair, new java.util.concurrent.CyclicBarrier(Math.min(2, pcs - 2 * pair)));
            }
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(pcs);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < pcs; i++) {
                    int pc = i;
                    AppContext ctx = contexts.get(i);
                    running.add(pool.submit(() -> {
                        new Pc(ctx, label, pc, firstPc + pc, end).work();
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            contexts.forEach(AppContext::close);
        }
        Map<String, List<Double>> l = new LinkedHashMap<>();
        Map<String, Integer> r = new LinkedHashMap<>();
        for (String op : OPERATIONS) {
            l.put(op, new ArrayList<>(latencies.getOrDefault(op, List.of())));
            r.put(op, refused.containsKey(op) ? refused.get(op).get() : 0);
        }
        return new Phase(pcs, seconds, l, r);
    }

    /** One PC: its session and its person's habits. */
    private final class Pc {

        private final AppContext ctx;
        private final String label;
        private final int pc;
        private final int pair;
        private final long end;
        private final Random rnd;
        private int n;

        Pc(AppContext ctx, String label, int pc, int seed, long end) {
            this.ctx = ctx;
            this.label = label;
            this.pc = pc;
            this.pair = pc / 2;
            this.end = end;
            this.rnd = new Random(20261123L + seed);
        }

        void work() throws Exception {
            conflict();
            while (System.nanoTime() < end) {
                n++;
                int dice = rnd.nextInt(100);
                try {
                    if (dice < 35) {
                        search();
                    } else if (dice < 55) {
                        openFile();
                    } else if (dice < 65) {
                        shiftLog();
                    } else if (dice < 80) {
                        dose();
                    } else if (dice < 88) {
                        donation();
                    } else if (dice < 95) {
                        checkIn();
                    } else {
                        edit();
                    }
                } catch (org.huyou.common.ValidationException e) {
                    failures.add(tag() + ": " + e.errors());
                } catch (RuntimeException e) {
                    failures.add(tag() + ": " + e);
                }
                Thread.sleep(200 + rnd.nextInt(600));
            }
        }

        private void search() throws InterruptedException {
            String name = names.get(rnd.nextInt(names.size()));
            String typed = rnd.nextBoolean() ? name : Pinyin.initials(name);
            for (int i = 1; i <= typed.length(); i++) {
                String prefix = typed.substring(0, i);
                time("search", () -> ctx.residents().find(ResidentFilter.query(prefix), ResidentListViewModel.PAGE));
                Thread.sleep(KEY_MS);
            }
        }

        private void openFile() {
            long id = residentIds.get(rnd.nextInt(residentIds.size()));
            time("openFile", () -> ctx.residents().get(id));
            time("timeline", () -> ctx.timeline().page(id, TimelineService.Filter.all(), TimelineCursor.START, 100));
        }

        /** The pair's group, one of the last three days' shifts: sometimes both PCs save the same one. */
        private void shiftLog() throws InterruptedException {
            List<Long> ids = groups.get(pair % groups.size());
            LocalDate date = today.minusDays(rnd.nextInt(3));
            DailyCareChoices.Shift shift = DailyCareChoices.Shift.values()[rnd.nextInt(3)];
            Map<Long, DailyLogEntry> shown = time("shiftOpen", () -> {
                Map<Long, DailyLogEntry> standing = ctx.dailyCare().forShift(ids, date, shift);
                ctx.dailyCare().savedStamps(ids, date, shift);
                return standing;
            });
            Thread.sleep(300 + rnd.nextInt(500));
            Map<Long, String> notes = new LinkedHashMap<>();
            List<DailyLogEntry> entries = new ArrayList<>();
            DailyCareChoices.Mood[] moods = DailyCareChoices.Mood.values();
            for (long id : ids) {
                String note = tag() + " " + id;
                notes.put(id, note);
                // made over what the screen showed: a save by the partner meanwhile is refused, never replaced
                entries.add(new DailyLogEntry(
                        shown.containsKey(id) ? shown.get(id).id() : null,
                        id,
                        date,
                        shift,
                        DailyCareChoices.Meals.ALL,
                        DailyCareChoices.Sleep.GOOD,
                        DailyCareChoices.Hygiene.DONE,
                        moods[rnd.nextInt(moods.length)],
                        null,
                        note,
                        null,
                        false));
            }
            try {
                time("shiftSave", () -> ctx.dailyCare().recordShift(date, shift, entries));
                shiftSaves.add(new ShiftSave(date, shift, notes));
            } catch (ShiftSavedMeanwhileException e) {
                refused.computeIfAbsent("shiftSave", k -> new AtomicInteger()).incrementAndGet();
                staleMessages.add(e.userMessage());
            }
        }

        /** Mostly the PC's own orders; one time in four the pair's order, whose next dose the other may record. */
        private void dose() {
            Medication.Order o = rnd.nextInt(4) == 0
                    ? pairOrders.get(pair)
                    : ownOrders.get(pc).get(rnd.nextInt(ownOrders.get(pc).size()));
            LocalDateTime slot = nextSlot(o);
            try {
                doses.add(
                        time("dose", () -> ctx.medication().recordDose(o.id(), slot, Medication.Outcome.GIVEN, null)));
            } catch (UserFacingException e) {
                if (!"medication.alreadyRecorded".equals(e.messageKey())) {
                    throw e;
                }
                refused.computeIfAbsent("dose", k -> new AtomicInteger()).incrementAndGet();
            }
        }

        /** The order's next dose this PC has not tried: day by day from the start, each dose time. */
        private LocalDateTime nextSlot(Medication.Order o) {
            int k = nextDose.merge(pc + ":" + o.id(), 1, Integer::sum) - 1;
            // the pair's order: both PCs walk the same doses, so each is recorded by whichever comes first
            List<LocalTime> times = o.times();
            return o.start().plusDays(k / times.size()).atTime(times.get(k % times.size()));
        }

        private void donation() {
            long donor = donors.get(rnd.nextInt(donors.size()));
            long fund = funds.get(rnd.nextInt(funds.size()));
            BigDecimal amount = BigDecimal.valueOf(100 + rnd.nextInt(5000));
            donations.add(time(
                    "donation",
                    () -> ctx.ledger()
                            .recordDonation(donor, fund, today, amount, LedgerEntry.Channel.WECHAT_PAY, tag())));
        }

        /** A visitor at the desk; one in five is the pair's visitor, whom the other desk may have checked in. */
        private void checkIn() {
            boolean pairs = rnd.nextInt(5) == 0;
            String doc = pairs ? label + "P" + pair + "-" + rnd.nextInt(20) : label + pc + "-" + n;
            try {
                visits.add(time(
                        "checkIn",
                        () -> ctx.visits()
                                .checkIn(new VisitService.CheckIn(
                                        today,
                                        SLOT,
                                        null,
                                        "访客" + doc,
                                        null,
                                        Visit.DocumentType.PASSPORT,
                                        doc,
                                        "13812345678",
                                        1,
                                        "接待员",
                                        true))));
            } catch (UserFacingException e) {
                if (!"visit.alreadyCheckedIn".equals(e.messageKey())) {
                    throw e;
                }
                refused.computeIfAbsent("checkIn", k -> new AtomicInteger()).incrementAndGet();
            }
        }

        /**
         * The deliberate conflict at the start: both PCs of the pair open the same resident, then both save, the odd
         * one a moment later. Exactly one save lands; the other must be refused, naming who saved first.
         */
        private void conflict() throws Exception {
            long id = shared.get(pair);
            n++;
            Resident opened = ctx.residents().get(id);
            pairsMeet.get(pair).await(30, java.util.concurrent.TimeUnit.SECONDS);
            if (pc % 2 == 1) {
                Thread.sleep(200);
            }
            save(opened);
        }

        /** The pair's resident opened, typed in for a moment, saved: the later of two overlapping saves is refused. */
        private void edit() throws InterruptedException {
            long id = shared.get(pair);
            Resident opened = ctx.residents().get(id);
            Thread.sleep(500 + rnd.nextInt(1500));
            save(opened);
        }

        private void save(Resident opened) {
            try {
                edits.add(time("edit", () -> ctx.residents().update(ResidentDrafts.withNote(opened, tag()))));
            } catch (StaleRecordException e) {
                refused.computeIfAbsent("edit", k -> new AtomicInteger()).incrementAndGet();
                staleMessages.add(e.userMessage());
            }
        }

        /** This action of this PC in this phase: what its saves carry, to be found afterwards. */
        private String tag() {
            return label + " " + user(pc) + " #" + n;
        }

        private <T> T time(String op, java.util.function.Supplier<T> work) {
            long t = System.nanoTime();
            T result = work.get();
            latencies
                    .computeIfAbsent(op, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - t) / 1e6);
            return result;
        }
    }

    // ---- checking afterwards ---------------------------------------------------------------------------------

    /** Every acknowledged save looked for; the numbers, the chains and the conflicts checked. */
    Checks check() throws Exception {
        List<String> problems = new ArrayList<>(failures);
        int lost = 0;
        int duplicated = 0;
        int acknowledged = 0;
        try (AppContext ctx = BenchHomes.open(serverHome, "director");
                Connection c = DirectSql.connect(ctx)) {
            // shift logs: each acknowledged child's note is there (voided later by a correction or not), and no
            // child has two live entries of one shift
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM daily_care_log WHERE resident_id = ?"
                    + " AND log_date = ? AND shift = ? AND note = ?")) {
                for (ShiftSave s : shiftSaves) {
                    for (var e : s.notes().entrySet()) {
                        acknowledged++;
                        ps.setLong(1, e.getKey());
                        ps.setObject(2, s.date());
                        ps.setString(3, s.shift().name());
                        ps.setString(4, e.getValue());
                        lost += count(ps) == 1 ? 0 : 1;
                    }
                }
            }
            int twoLive = count(
                    c,
                    "SELECT COUNT(*) FROM (SELECT resident_id FROM daily_care_log WHERE "
                            + "voided_at IS NULL GROUP BY resident_id, log_date, shift HAVING COUNT(*) > 1) d");
            if (twoLive > 0) {
                problems.add(twoLive + " children with two live entries of one shift");
            }
            duplicated += twoLive;
            // doses: each acknowledged one is there, and no dose is recorded twice
            acknowledged += doses.size();
            lost += doses.size() - countIds(c, "medication_administration", "id", doses);
            int twice = count(
                    c,
                    "SELECT COUNT(*) FROM (SELECT order_id FROM medication_administration WHERE "
                            + "voided_at IS NULL GROUP BY order_id, scheduled_for HAVING COUNT(*) > 1) d");
            if (twice > 0) {
                problems.add(twice + " doses recorded twice");
            }
            duplicated += twice;
            // donations and check-ins, by their numbers
            acknowledged += donations.size() + visits.size();
            lost += donations.size()
                    - countIds(
                            c,
                            "ledger_entry",
                            "seq",
                            donations.stream().map(LedgerEntry::seq).toList());
            lost += visits.size()
                    - countIds(
                            c,
                            "openday_visit",
                            "id",
                            visits.stream().map(Visit::id).toList());
            int[] receipts =
                    numbers(c, "SELECT receipt_no FROM ledger_entry WHERE receipt_no LIKE ?", today.getYear() + "-%");
            int[] slips = numbers(c, "SELECT slip_no FROM openday_visit WHERE slip_no LIKE ?", today.getYear() + "-%");
            // edits: every acknowledged save raised the version by one, the last one's note is the one kept, and
            // every refused save named who saved before it
            acknowledged += edits.size();
            int overwritten = 0;
            for (long id : shared) {
                List<Resident> acked = edits.stream()
                        .filter(r -> r.id() == id)
                        .sorted(java.util.Comparator.comparing(Resident::version))
                        .toList();
                Resident now = ctx.residents().get(id);
                if (now.version() - versionsBefore.get(id) != acked.size()) {
                    overwritten++;
                    problems.add("resident " + id + ": version " + versionsBefore.get(id) + " → " + now.version()
                            + " after " + acked.size() + " acknowledged saves");
                } else if (!acked.isEmpty()
                        && !acked.get(acked.size() - 1).note().equals(now.note())) {
                    overwritten++;
                    problems.add("resident " + id + ": kept '" + now.note() + "', last acknowledged '"
                            + acked.get(acked.size() - 1).note() + "'");
                }
            }
            int withoutReason = (int) staleMessages.stream()
                    .filter(m -> !m.matches("(?s).*PC\\d+.*"))
                    .count();
            LedgerChecks l = new LedgerChecks(
                    ctx.ledger().verify().ok(), ctx.audit().verifyChain().ok());
            return new Checks(
                    acknowledged,
                    lost,
                    duplicated,
                    l.ledger(),
                    l.audit(),
                    receipts[0],
                    receipts[1],
                    slips[0],
                    slips[1],
                    staleMessages.size(),
                    withoutReason,
                    overwritten,
                    problems);
        }
    }

    private record LedgerChecks(boolean ledger, boolean audit) {}

    private static int count(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return count(ps);
        }
    }

    /** How many of these ids the table holds. */
    private static int countIds(Connection c, String table, String column, List<Long> ids) throws Exception {
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                found += count(ps);
            }
        }
        return found;
    }

    /**
     * A year's numbers ("2026-000123"): how many are duplicated, and how many are missing between 1 and the highest.
     */
    private static int[] numbers(Connection c, String sql, String like) throws Exception {
        List<Integer> seen = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(Integer.parseInt(rs.getString(1).substring(5)));
                }
            }
        }
        Set<Integer> distinct = new HashSet<>(seen);
        int max = distinct.stream().mapToInt(Integer::intValue).max().orElse(0);
        return new int[] {seen.size() - distinct.size(), max - distinct.size()};
    }
}
