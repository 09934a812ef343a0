package org.huyou.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huyou.app.AppContext;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness ({@code ./mvnw -Pbench verify}, quick mode {@code -Dbench.size=small}): every figure of issue
 * 10 with its median and spread over repeated runs, beside its baseline measured in the same run, printed as a table
 * and written to {@code target/bench/results.json}. Not a test: it asserts nothing about time; missed budgets are
 * marked in the table. Homes are made with the real {@code huyou generate} command.
 */
class BenchRunner {

    private final boolean full = !"small".equals(System.getProperty("bench.size", "full"));
    /** How long a person takes to type a user name and a password (about twenty keys). */
    private static final long TYPING_MS = 3_000;

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> growth = new ArrayList<>();
    /** The load group's own table (p99, rates, the checks afterwards) and its part of results.json. */
    private String loadTable;

    private String loadJson;
    /** {@code -Dbench.only=search,timeline}: only these groups (all when unset). */
    private final String only = System.getProperty("bench.only", "");

    /** Adds a figure and prints its row at once, so a long run shows its progress. */
    private void add(Figure f) {
        figures.add(f);
        System.out.println(f.row());
    }

    private boolean wanted(String group) {
        return only.isBlank() || List.of(only.split(",")).contains(group);
    }

    @Test
    void run() throws Exception {
        long start = System.nanoTime();
        System.out.println("Huyou benchmarks, size " + (full ? "full" : "small") + ", " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        // The stress home takes minutes to make: only when a group that uses it is asked for.
        // -Dbench.stress=RESIDENTS:YEARS: a stress home of another size (the full one takes long on a loaded machine)
        String[] other = System.getProperty("bench.stress", "").split(":");
        Path stress = List.of("coldStart", "modules", "chain", "backup", "rotate", "heap").stream()
                        .noneMatch(this::wanted)
                ? null
                : other.length == 2
                        ? BenchHomes.home(
                                "stress-" + other[0] + "-" + other[1], "--residents=" + other[0], "--years=" + other[1])
                        : full
                                ? BenchHomes.home("stress-20000", "--residents=20000", "--years=20")
                                : BenchHomes.home("stress-300", "--residents=300", "--years=5");
        if (wanted("coldStart")) {
            coldStart(stress);
        }
        if (wanted("modules")) {
            modules(stress);
        }
        if (wanted("search")) {
            search();
        }
        if (wanted("timeline")) {
            timeline();
        }
        if (wanted("disclosure")) {
            disclosure();
        }
        if (wanted("chain")) {
            chain(stress);
        }
        if (wanted("ledgerOpen")) {
            ledgerOpen();
        }
        if (wanted("backup")) {
            backup(stress);
        }
        if (wanted("rotate")) {
            rotate(stress);
        }
        if (wanted("heap")) {
            heap(stress);
        }
        if (wanted("import")) {
            importGroup();
        }
        if (wanted("documents")) {
            documents();
        }
        if (wanted("demo")) {
            demo();
        }
        if (wanted("load")) {
            load();
        }
        if (wanted("postgres")) {
            postgres();
        } else if (wanted("pgSearch")) {
            // The search alone on PostgreSQL, without the ledger's figures: to compare a change to the search.
            if (TestPostgres.available()) {
                search(true);
            }
        }
        report((System.nanoTime() - start) / 1e9);
    }

    // ---- cold start ------------------------------------------------------------------------------------------

    private void coldStart(Path stress) throws Exception {
        int reps = full ? 7 : 3;
        ClassArchive cds = new ClassArchive(Probes.classPath());
        Probes.Launch plain = new Probes.Launch(Probes.classPath(), List.of());
        Probes.Launch shipped = new Probes.Launch(cds.runClassPath, cds.options());
        // The training start writes the class list (and warms the OS file cache); then the archive is made from it.
        Probes.run(
                new Probes.Launch(cds.runClassPath, List.of("-XX:DumpLoadedClassList=" + cds.classList)),
                stress,
                "director",
                false);
        cds.dump();
        List<Double> app = new ArrayList<>();
        List<Double> login = new ArrayList<>();
        List<Double> appPlain = new ArrayList<>();
        List<Double> loginPlain = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> afterTyping = new ArrayList<>();
        List<Double> afterTypingCpu = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            bare.add(Probes.bare(plain));
            Probes.Result typed = Probes.typed(shipped, stress, "director", TYPING_MS);
            afterTyping.add(typed.afterSubmitMs());
            afterTypingCpu.add(typed.afterSubmitCpuMs());
            Probes.Result r = Probes.run(shipped, stress, "director", false);
            app.add(r.readyMs());
            login.add(r.loginMs());
            Probes.Result p = Probes.run(plain, stress, "director", false);
            appPlain.add(p.readyMs());
            loginPlain.add(p.loginMs());
        }
        String size = full ? "20k res" : "300 res";
        Stats baseline = Stats.of(bare);
        add(new Figure(
                "coldStartLogin",
                "cold start to the login window",
                size,
                Stats.of(login),
                baseline,
                "bare JavaFX window",
                1.3,
                0,
                false,
                "ms"));
        add(new Figure(
                "coldStart",
                "cold start to a filled list",
                size,
                Stats.of(app),
                baseline,
                "bare JavaFX window",
                1.3,
                0,
                false,
                "ms"));
        add(new Figure(
                "loginToList",
                "login pressed to a filled list",
                size,
                Stats.of(afterTyping),
                null,
                "typed over " + TYPING_MS / 1000 + " s",
                0,
                500, // issue 31: the password hash included
                false,
                "ms"));
        // the same span in CPU time of the app's JVM (all its threads): other builds on the cores stretch the wall time
        add(new Figure(
                "loginToListCpu",
                "login pressed to list, JVM CPU",
                size,
                Stats.of(afterTypingCpu),
                null,
                "typed over " + TYPING_MS / 1000 + " s",
                0,
                0,
                false,
                "ms"));
        add(new Figure(
                "coldStartLoginNoArchive",
                "login window, no class archive",
                size,
                Stats.of(loginPlain),
                baseline,
                "bare JavaFX window",
                1.3,
                0,
                false,
                "ms"));
        add(new Figure(
                "coldStartNoArchive",
                "filled list, no class archive",
                size,
                Stats.of(appPlain),
                baseline,
                "bare JavaFX window",
                1.3,
                0,
                false,
                "ms"));
    }

    // ---- opening each module --------------------------------------------------------------------------------

    /**
     * Each module's first screen on the stress home: from the sidebar click until its background loads are shown,
     * every module opened in turn, several rounds (the first opening of each loads its classes: it is the p95). The
     * baseline is 设置, a screen that loads nothing from the home: what switching screens costs by itself.
     */
    private void modules(Path stress) throws Exception {
        EarlierModules earlier = new EarlierModules();
        Probes.Result r = Probes.modules(stress, "director", full ? 7 : 4);
        String size = full ? "20k res" : "300 res";
        Stats baseline = Stats.of(r.modules().get("navSettings"));
        r.modules()
                .forEach((nav, ms) -> add(new Figure(
                        "module-" + nav,
                        "open module " + nav,
                        size,
                        Stats.of(ms),
                        baseline,
                        "设置 (nothing to load)",
                        0,
                        150,
                        false,
                        "ms")));
        Map<String, Stats> now = new LinkedHashMap<>();
        r.modules().forEach((nav, ms) -> now.put(nav, Stats.of(ms)));
        System.out.println(earlier.compareAndKeep(now));
    }

    // ---- search ----------------------------------------------------------------------------------------------

    private void search() throws Exception {
        search(false);
    }

    /** The register's search on the embedded database or, moved there, on PostgreSQL. */
    private void search(boolean onPostgres) throws Exception {
        int[] sizes = full ? new int[] {1_000, 10_000, 100_000} : new int[] {500, 2_000, 5_000};
        String where = onPostgres ? ", PostgreSQL" : "";
        List<String> p50 = new ArrayList<>();
        for (int n : sizes) {
            Path home = BenchHomes.home(
                    "residents-" + n,
                    "--residents=" + n,
                    "--care-entries=0",
                    "--ledger-entries=0",
                    "--long-stay-entries=0");
            try (AppContext ctx = BenchHomes.open(onPostgres ? BenchHomes.onPostgres(home) : home, "director")) {
                SearchBench.Measured m = new SearchBench(ctx).measure(full ? 6 : 3);
                Stats app = m.app();
                Stats raw = m.raw();
                String size = label(n) + " res";
                add(new Figure(
                        (onPostgres ? "pg-" : "") + "search-" + n,
                        "resident search as typed" + where,
                        size,
                        app,
                        raw,
                        "raw indexed SQL",
                        2,
                        n == sizes[2] ? 20 : 0,
                        true,
                        "ms"));
                p50.add(label(n) + ": " + Figure.fmt(app.median()) + " ms (p95 " + Figure.fmt(app.p95()) + ")");
            }
        }
        growth.add("resident search p50 by register size" + where + ": " + String.join(" → ", p50));
    }

    // ---- timeline --------------------------------------------------------------------------------------------

    private void timeline() throws Exception {
        int entries = full ? 20_000 : 2_000;
        Path home = BenchHomes.home(
                "timeline-" + entries,
                "--residents=20",
                "--care-entries=" + entries,
                "--long-stay-entries=" + entries,
                "--ledger-entries=0");
        try (AppContext ctx = BenchHomes.open(home, "director")) {
            TimelineBench b = new TimelineBench(ctx);
            add(new Figure(
                    "timeline",
                    "timeline first page",
                    label(entries) + " ent",
                    b.app(full ? 20 : 10),
                    b.raw(full ? 20 : 10),
                    "raw SQL same page",
                    0,
                    10, // issue 31 (was 150)
                    false,
                    "ms"));
        }
    }

    // ---- disclosure ------------------------------------------------------------------------------------------

    private void disclosure() throws Exception {
        int[] sizes = full ? new int[] {1_000, 10_000, 100_000} : new int[] {1_000, 5_000, 20_000};
        List<String> medians = new ArrayList<>();
        for (int n : sizes) {
            Path home = BenchHomes.home(
                    "ledger-" + n,
                    "--residents=10",
                    "--years=1",
                    "--care-entries=0",
                    "--long-stay-entries=0",
                    "--ledger-entries=" + n);
            try (AppContext ctx = BenchHomes.open(home, "director")) {
                LedgerBench b = new LedgerBench(ctx);
                Stats app = b.disclosure(full ? 5 : 3);
                add(new Figure(
                        "disclosure-" + n,
                        "disclosure of a year (PDF+XLSX)",
                        label(n) + " ent",
                        app,
                        b.readYear(full ? 5 : 3),
                        "JDBC read of the rows",
                        0,
                        n == sizes[2] ? 500 : 0, // issue 31 (was 2,000)
                        false,
                        "ms"));
                medians.add(label(n) + ": " + Figure.fmt(app.median()) + " ms");
                Stats verify = b.verify(3);
                add(new Figure(
                        "chain-" + n,
                        "ledger chain verify",
                        label(n) + " ent",
                        verify,
                        b.hashLoop(3),
                        "SHA-256 loop",
                        2,
                        0,
                        false,
                        "ms"));
            }
        }
        growth.add("disclosure by ledger entries in the year: " + String.join(" → ", medians));
    }

    private void chain(Path stress) throws Exception {
        try (AppContext ctx = BenchHomes.open(stress, "director")) {
            LedgerBench b = new LedgerBench(ctx);
            Stats verify = b.verify(3);
            String size = full ? "500k ent" : "7.5k ent";
            add(new Figure(
                    "chain-stress",
                    "ledger chain verify",
                    size,
                    verify,
                    b.hashLoop(3),
                    "SHA-256 loop",
                    2,
                    0,
                    false,
                    "ms"));
            add(new Figure(
                    "chain-stress-read",
                    "ledger chain verify",
                    size,
                    verify,
                    b.readChain(3),
                    "JDBC read, 1 thread",
                    0,
                    0,
                    false,
                    "ms"));
        }
    }

    /**
     * Opening the ledger screen on a long ledger (its lists and the check since the checkpoint) against the full
     * verification, each beside its baseline: 500,000 entries (the stress profile's ledger) on a home of its own, so
     * the figure does not wait for the whole stress home; {@code -Dbench.ledgerEntries=N} for another size.
     */
    private void ledgerOpen() throws Exception {
        String asked = System.getProperty("bench.ledgerEntries", "");
        int n = asked.isBlank() ? full ? 500_000 : 20_000 : Integer.parseInt(asked.strip());
        Path home = BenchHomes.home(
                "ledger-" + n,
                "--residents=10",
                "--years=1",
                "--care-entries=0",
                "--long-stay-entries=0",
                "--ledger-entries=" + n);
        try (AppContext ctx = BenchHomes.open(home, "director")) {
            LedgerBench b = new LedgerBench(ctx);
            String size = label(n) + " ent";
            add(new Figure(
                    "ledgerOpen-" + n,
                    "ledger screen opening (checkpoint)",
                    size,
                    b.openLedgerScreen(5),
                    b.readNewest(5),
                    "JDBC newest 300 rows",
                    0,
                    1000,
                    false,
                    "ms"));
            Stats raw = b.readNewest(5);
            add(new Figure(
                    "ledgerOpen-check-" + n,
                    "  of it: chain since checkpoint",
                    size,
                    b.sinceCheckpoint(5),
                    raw,
                    "JDBC newest 300 rows",
                    0,
                    0,
                    false,
                    "ms"));
            add(new Figure(
                    "ledgerOpen-lists-" + n,
                    "  of it: the screen's lists",
                    size,
                    b.screenLists(5),
                    raw,
                    "JDBC newest 300 rows",
                    0,
                    0,
                    false,
                    "ms"));
            for (String part : b.parts().keySet()) { // where the lists' time goes
                add(new Figure(
                        "ledgerOpen-part-" + part.replaceAll("[^a-z0-9]+", "-") + "-" + n,
                        "    " + part,
                        size,
                        b.part(part, 5),
                        raw,
                        "JDBC newest 300 rows",
                        0,
                        0,
                        false,
                        "ms"));
            }
            // not part of the opening: a picker's keystrokes once the screen is open (six searches)
            add(new Figure(
                    "ledgerOpen-donorSearch-" + n,
                    "donor picker, 6 keystrokes",
                    size,
                    b.donorSearch(5),
                    b.donorSearchSql(5),
                    "the same in SQL over JDBC",
                    0,
                    0,
                    false,
                    "ms"));
            Stats verify = b.verify(3);
            add(new Figure(
                    "ledgerFull-" + n,
                    "ledger full verification",
                    size,
                    verify,
                    b.hashLoop(3),
                    "SHA-256 loop",
                    2,
                    0,
                    false,
                    "ms"));
            add(new Figure(
                    "ledgerFull-read-" + n,
                    "ledger full verification",
                    size,
                    verify,
                    b.readChain(3),
                    "JDBC read, 1 thread",
                    0,
                    0,
                    false,
                    "ms"));
        }
    }

    // ---- moving in: the residents import ---------------------------------------------------------------------

    /**
     * The import of a register of 1k, 5k and 20k children from an XLSX into an empty home (check + commit), the check
     * alone, and the peak heap each used, beside a plain JDBC batch insert of the same rows. Budgets: 5,000 in 3 s,
     * 20,000 in 10 s, heap 256 MiB.
     */
    private void importGroup() throws Exception {
        ImportBench b = new ImportBench();
        List<String> growth = new ArrayList<>();
        for (int n : full ? List.of(1000, 5000, 20000) : List.of(1000, 5000)) {
            ImportBench.Result r = b.run(n, full ? 3 : 2);
            double budget = n == 5000 ? 3000 : n == 20000 ? 10000 : 0;
            add(new Figure(
                    "import-" + n,
                    "residents import (XLSX, check+commit)",
                    label(n),
                    r.imported(),
                    r.jdbc(),
                    "JDBC batch insert",
                    0,
                    budget,
                    false,
                    "ms"));
            add(new Figure(
                    "importCheck-" + n,
                    "  of it: the check alone",
                    label(n),
                    r.check(),
                    r.jdbc(),
                    "JDBC batch insert",
                    0,
                    budget == 0 ? 0 : budget / 2,
                    false,
                    "ms"));
            add(new Figure(
                    "importHeap-" + n,
                    "  sampled heap peak, garbage incl.",
                    label(n),
                    r.importHeapMb(),
                    null,
                    "",
                    0,
                    0,
                    false,
                    "MiB"));
            Stats bounded = Stats.of(List.of(r.bounded().ms()));
            add(new Figure(
                    "importBounded-" + n,
                    "  import in a 256 MiB JVM (1 run)",
                    label(n),
                    bounded,
                    r.jdbc(),
                    "JDBC batch insert",
                    0,
                    0,
                    false,
                    "ms"));
            add(new Figure(
                    "importHeapAfterGc-" + n,
                    "  heap after GC, 256 MiB JVM",
                    label(n),
                    Stats.of(List.of(r.bounded().afterGcMb())),
                    null,
                    "",
                    0,
                    256,
                    false,
                    "MiB"));
            add(new Figure(
                    "importCheckHeap-" + n,
                    "  peak heap of the check",
                    label(n),
                    r.checkHeapMb(),
                    null,
                    "",
                    0,
                    256,
                    false,
                    "MiB"));
            growth.add(label(n) + ": " + Figure.fmt(r.imported().median()) + " ms");
        }
        System.out.println("  import growth: " + String.join(", ", growth));
    }

    // ---- first start: the demo home ----------------------------------------------------------------------------

    /** 载入示例数据 pressed → the demo's register shown (issue 31: ≤ 3 s), with each part's median. */
    private void demo() throws Exception {
        DemoBench.Result r = new DemoBench().run(full ? 5 : 3);
        add(new Figure(
                "demoLoadCold",
                "demo → register, first in the JVM",
                r.rows() + " rows",
                r.cold(),
                r.baseline(),
                "JDBC batch, as many rows",
                0,
                3000,
                false,
                "ms"));
        add(new Figure(
                "demoLoad",
                "demo loaded → register's first page",
                r.rows() + " rows",
                r.load(),
                r.baseline(),
                "JDBC batch, as many rows",
                0,
                3000,
                false,
                "ms"));
        List<String> parts = new ArrayList<>();
        r.partMedians().forEach((part, ms) -> parts.add(part.name().toLowerCase(Locale.ROOT) + " " + Figure.fmt(ms)));
        growth.add("demo load by part (median ms): " + String.join(", ", parts));
        growth.add(String.format(
                Locale.ROOT,
                "demo load CPU: first in the JVM %s ms on its thread, %s ms the whole JVM's; warm %s ms median on its"
                        + " thread (%s-%s); load average %.1f → %.1f",
                Figure.fmt(r.coldCpu()),
                Figure.fmt(r.coldProcessCpu()),
                Figure.fmt(r.loadCpu().median()),
                Figure.fmt(r.loadCpu().min()),
                Figure.fmt(r.loadCpu().max()),
                r.loadAverage()[0],
                r.loadAverage()[1]));
    }

    // ---- a child's documents: a 50 MB scanned PDF -------------------------------------------------------------

    /**
     * A scanned booklet near the 50 MB limit added, its first page viewed and its thumbnail made, each with the peak
     * heap it used (budget 256 MiB, issue 32) beside reading the file's bytes once; the viewer's former way (the PDF
     * whole in memory) for comparison.
     */
    private void documents() throws Exception {
        DocumentBench.Result r = new DocumentBench().run(full ? 3 : 2);
        add(new Figure(
                "documentImport",
                "50 MB PDF added (type, SHA, stream)",
                r.size(),
                r.importMs(),
                null,
                "",
                0,
                0,
                false,
                "ms"));
        add(new Figure(
                "documentImportHeap",
                "  peak heap of adding it",
                r.size(),
                r.importHeap(),
                r.bytesHeap(),
                "file's bytes read once",
                0,
                256,
                false,
                "MiB"));
        add(new Figure(
                "documentView",
                "50 MB PDF, first page in the viewer",
                r.size(),
                r.viewMs(),
                null,
                "",
                0,
                0,
                false,
                "ms"));
        add(new Figure(
                "documentViewHeap",
                "  peak heap of viewing it",
                r.size(),
                r.viewHeap(),
                r.bytesHeap(),
                "file's bytes read once",
                0,
                256,
                false,
                "MiB"));
        add(new Figure("documentThumb", "50 MB PDF, thumbnail", r.size(), r.thumbMs(), null, "", 0, 0, false, "ms"));
        add(new Figure(
                "documentThumbHeap",
                "  peak heap of the thumbnail",
                r.size(),
                r.thumbHeap(),
                r.bytesHeap(),
                "file's bytes read once",
                0,
                256,
                false,
                "MiB"));
        add(new Figure(
                "documentViewWholeHeap",
                "  the former viewer (PDF in memory)",
                r.size(),
                r.wholeHeap(),
                r.bytesHeap(),
                "file's bytes read once",
                0,
                0,
                false,
                "MiB"));
    }

    // ---- backup and restore ----------------------------------------------------------------------------------

    private void backup(Path stress) throws Exception {
        BackupBench b = new BackupBench(stress);
        BackupBench.Result r = b.run(2); // the stress database's backup takes minutes: two runs
        add(new Figure(
                "backup",
                "backup of the stress database",
                r.size(),
                r.backup(),
                r.copy(),
                "file copy",
                0,
                0,
                false,
                "ms"));
        add(new Figure(
                "restore",
                "restore of the stress database",
                r.size(),
                r.restore(),
                r.copy(),
                "file copy",
                0,
                0,
                false,
                "ms"));
    }

    // ---- a change of the file key -----------------------------------------------------------------------------

    private void rotate(Path stress) throws Exception {
        RotateBench.Result r = new RotateBench(stress).run(2); // minutes each on the stress home: two runs
        add(new Figure(
                "rotate",
                "file key change (close, re-encrypt, reopen)",
                r.size(),
                r.rotate(),
                r.copy(),
                "file copy",
                0,
                0,
                false,
                "ms"));
        add(new Figure(
                "reencrypt",
                "re-encrypting the database file only",
                r.size(),
                r.reencrypt(),
                r.copy(),
                "file copy",
                0,
                0,
                false,
                "ms"));
        // The sealed key at two sizes, to see how it grows: the generated homes have no counselling notes, so the
        // bench seals its own into a copy of the home (-Dbench.sealedTexts=A,B for other sizes).
        String[] sizes = System.getProperty("bench.sealedTexts", full ? "10000,50000" : "1000,5000")
                .split(",");
        List<String> p50 = new ArrayList<>();
        for (String n : sizes) {
            RotateBench.SealedResult s = new RotateBench(stress).runSealed(Integer.parseInt(n.strip()), 2);
            add(new Figure(
                    "sealedRotate-" + s.texts(),
                    "sealed key change (re-seal every text, rewrap)",
                    label(s.texts()) + " texts",
                    s.rotate(),
                    s.raw(),
                    "open+seal loop",
                    0,
                    0,
                    false,
                    "ms"));
            p50.add(label(s.texts()) + " " + Math.round(s.rotate().median()) + " ms");
        }
        growth.add("sealed key change p50 by sealed texts: " + String.join(" → ", p50));
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------

    /**
     * The figures that depend on the database, again on PostgreSQL (a regional server): the search, and the ledger's
     * disclosure and chain. Budgets as on the embedded database; the homes are the same, moved by the app.
     */
    private void postgres() throws Exception {
        if (!TestPostgres.available()) {
            System.out.println(
                    "  PostgreSQL group skipped: no server (apt-get install postgresql, or -Dhuyou.test.pg)");
            return;
        }
        search(true);
        int n = full ? 100_000 : 20_000;
        Path home = BenchHomes.home(
                "ledger-" + n,
                "--residents=10",
                "--years=1",
                "--care-entries=0",
                "--long-stay-entries=0",
                "--ledger-entries=" + n);
        try (AppContext ctx = BenchHomes.open(BenchHomes.onPostgres(home), "director")) {
            LedgerBench b = new LedgerBench(ctx);
            add(new Figure(
                    "pg-disclosure-" + n,
                    "disclosure of a year, PostgreSQL",
                    label(n) + " ent",
                    b.disclosure(full ? 5 : 3),
                    b.readYear(full ? 5 : 3),
                    "JDBC read of the rows",
                    0,
                    2000,
                    false,
                    "ms"));
            add(new Figure(
                    "pg-chain-" + n,
                    "ledger chain verify, PostgreSQL",
                    label(n) + " ent",
                    b.verify(3),
                    b.hashLoop(3),
                    "SHA-256 loop",
                    2,
                    0,
                    false,
                    "ms"));
        }
    }

    // ---- several PCs at once ---------------------------------------------------------------------------------

    /**
     * Twenty office PCs on one PostgreSQL server ({@link LoadBench}), each operation's p50/p95/p99 and rate beside the
     * same operation on one PC alone (run first, in the same run); then the check that nothing was lost. Budget: p95
     * ≤ 50 ms for searches and saves, nothing lost or duplicated. Small size: 6 PCs for 15 s.
     */
    private void load() throws Exception {
        if (!TestPostgres.available()) {
            System.out.println("  load group skipped: no server (apt-get install postgresql, or -Dhuyou.test.pg)");
            return;
        }
        int pcs = full ? 20 : 6;
        int seconds = full ? 60 : 15;
        Path home = full
                ? BenchHomes.home(
                        "load-1000",
                        "--residents=1000",
                        "--years=5",
                        "--care-entries=30000",
                        "--ledger-entries=5000",
                        "--long-stay-entries=2000")
                : BenchHomes.home(
                        "load-300",
                        "--residents=300",
                        "--years=3",
                        "--care-entries=6000",
                        "--ledger-entries=1000",
                        "--long-stay-entries=500");
        LoadBench b = new LoadBench(BenchHomes.onPostgres(home));
        b.prepare(pcs);
        LoadBench.Phase alone = b.run("alone", 1, full ? 20 : 8, 1000);
        LoadBench.Phase many = b.run("many", pcs, seconds, 0);
        LoadBench.Checks checks = b.check();
        String size = pcs + " PCs";
        StringBuilder table = new StringBuilder("| operation | count | per s | p50 ms | p95 ms | p99 ms | refused "
                + "(conflict) | 1 PC p95 ms | budget |\n|---|---|---|---|---|---|---|---|---|\n");
        List<String> ops = new ArrayList<>();
        for (String op : LoadBench.OPERATIONS) {
            Stats s = many.stats(op);
            if (s == null) {
                continue;
            }
            boolean budgeted = LoadBench.BUDGETED.contains(op);
            add(new Figure(
                    "load-" + op,
                    "load: " + op,
                    size,
                    s,
                    alone.stats(op),
                    "1 PC alone",
                    0,
                    budgeted ? 50 : 0,
                    true,
                    "ms"));
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %s | %s | %s | %d | %s | %s |%n",
                    op,
                    s.runs(),
                    many.perSecond(op),
                    Figure.fmt(s.median()),
                    Figure.fmt(s.p95()),
                    Figure.fmt(many.p99(op)),
                    many.refused().get(op),
                    alone.stats(op) == null ? "-" : Figure.fmt(alone.stats(op).p95()),
                    budgeted ? (s.p95() <= 50 ? "ok" : "MISSED") : "report"));
            ops.add(String.format(
                    Locale.ROOT,
                    "{\"op\":\"%s\",\"count\":%d,\"perSecond\":%.2f,\"p50\":%.3f,"
                            + "\"p95\":%.3f,\"p99\":%.3f,\"refused\":%d,\"alone\":%s}",
                    op,
                    s.runs(),
                    many.perSecond(op),
                    s.median(),
                    s.p95(),
                    many.p99(op),
                    many.refused().get(op),
                    alone.stats(op) == null ? "null" : alone.stats(op).json()));
        }
        table.append(String.format(
                Locale.ROOT,
                "%nchecked afterwards: %d acknowledged saves, %d lost, %d duplicated; "
                        + "ledger chain %s, audit chain %s; receipt numbers %d duplicated, %d skipped; slips %d "
                        + "duplicated, %d skipped; %d conflicting saves refused, %d without who saved first; %d "
                        + "overwritten%s",
                checks.acknowledged(),
                checks.lost(),
                checks.duplicated(),
                checks.ledgerChain() ? "verifies" : "BROKEN",
                checks.auditChain() ? "verifies" : "BROKEN",
                checks.receiptsDuplicated(),
                checks.receiptsSkipped(),
                checks.slipsDuplicated(),
                checks.slipsSkipped(),
                checks.conflictsRefused(),
                checks.conflictsWithoutReason(),
                checks.overwritten(),
                checks.problems().isEmpty() ? "" : "\nproblems:\n  " + String.join("\n  ", checks.problems())));
        loadTable = table.toString();
        System.out.println(loadTable);
        add(new Figure(
                "load-lost",
                "load: saves lost or duplicated",
                size,
                Stats.of(List.of((double) checks.lost()
                        + checks.duplicated()
                        + checks.receiptsDuplicated()
                        + checks.receiptsSkipped()
                        + checks.slipsDuplicated()
                        + checks.slipsSkipped()
                        + checks.overwritten())),
                null,
                "",
                0,
                0,
                false,
                "saves"));
        loadJson = String.format(
                Locale.ROOT,
                "{\"pcs\":%d,\"seconds\":%d,\"operations\":[%s],\"checks\":{"
                        + "\"acknowledged\":%d,\"lost\":%d,\"duplicated\":%d,\"ledgerChain\":%s,"
                        + "\"auditChain\":%s,\"receiptsDuplicated\":%d,\"receiptsSkipped\":%d,"
                        + "\"slipsDuplicated\":%d,\"slipsSkipped\":%d,\"conflictsRefused\":%d,"
                        + "\"conflictsWithoutReason\":%d,\"overwritten\":%d,\"problems\":%d,\"ok\":%s}}",
                pcs,
                seconds,
                String.join(",", ops),
                checks.acknowledged(),
                checks.lost(),
                checks.duplicated(),
                checks.ledgerChain(),
                checks.auditChain(),
                checks.receiptsDuplicated(),
                checks.receiptsSkipped(),
                checks.slipsDuplicated(),
                checks.slipsSkipped(),
                checks.conflictsRefused(),
                checks.conflictsWithoutReason(),
                checks.overwritten(),
                checks.problems().size(),
                checks.ok());
    }

    // ---- heap ------------------------------------------------------------------------------------------------

    private void heap(Path stress) throws Exception {
        Probes.Result r = Probes.run(stress, "director", true);
        double mib = r.heapBytes() / (1024.0 * 1024.0);
        add(new Figure(
                "heap",
                "heap after browsing every module",
                full ? "stress" : "small",
                Stats.of(List.of(mib)),
                null,
                "-Xmx512m",
                0,
                256, // issue 31 (was 512)
                false,
                "MiB"));
    }

    // ---- output ----------------------------------------------------------------------------------------------

    private void report(double seconds) throws Exception {
        StringBuilder table = new StringBuilder(Figure.header()).append('\n');
        figures.forEach(f -> table.append(f.row()).append('\n'));
        System.out.println();
        System.out.println(table);
        growth.forEach(g -> System.out.println("growth: " + g));
        if (loadTable != null) {
            System.out.println();
            System.out.println(loadTable);
        }
        System.out.printf(Locale.ROOT, "benchmarks took %.0f s%n", seconds);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        StringBuilder json = new StringBuilder("{\"size\":\"" + (full ? "full" : "small") + "\",\"date\":\""
                + LocalDate.now() + "\",\"java\":\"" + Runtime.version() + "\",\"figures\":[\n");
        for (int i = 0; i < figures.size(); i++) {
            json.append(figures.get(i).json()).append(i < figures.size() - 1 ? ",\n" : "\n");
        }
        json.append("],\"growth\":[");
        for (int i = 0; i < growth.size(); i++) {
            json.append('"')
                    .append(growth.get(i).replace("\"", "'"))
                    .append('"')
                    .append(i < growth.size() - 1 ? "," : "");
        }
        json.append("]").append(loadJson == null ? "" : ",\"load\":" + loadJson).append("}\n");
        Files.writeString(out.resolve("results.json"), json);
        Files.writeString(out.resolve("results.md"), loadTable == null ? table : table + "\n" + loadTable + "\n");
    }

    private static String label(int n) {
        return n >= 1000 && n % 1000 == 0
                ? n / 1000 + "k"
                : n >= 1000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : String.valueOf(n);
    }

    /** Child JVMs for the window figures, with the same headless JavaFX settings as the screen tests. */
    static final class Probes {

        /**
         * Wall time from starting the JVM to the login window and to the filled list, the time from pressing 登录 to
         * the filled list; the heap if browsed.
         */
        record Result(
                double readyMs,
                double loginMs,
                double afterSubmitMs,
                double afterSubmitCpuMs,
                long heapBytes,
                Map<String, List<Double>> modules) {}

        /** A class path and the JVM options a start runs with. */
        record Launch(String classPath, List<String> options) {}

        static double bare(Launch how) throws Exception {
            return launch(how, List.of(BareWindowProbe.class.getName()), "").readyMs();
        }

        static Result run(Launch how, Path home, String user, boolean browse) throws Exception {
            List<String> args =
                    new ArrayList<>(List.of(WindowProbe.class.getName(), home.toString(), user, BenchHomes.PASSWORD));
            if (browse) {
                args.add("--browse");
            }
            return launch(how, args, browse ? "-Xmx512m" : "");
        }

        /** A login typed as a person types it, over {@code typingMs} after the window appears. */
        static Result typed(Launch how, Path home, String user, long typingMs) throws Exception {
            return launch(
                    how,
                    List.of(
                            WindowProbe.class.getName(),
                            home.toString(),
                            user,
                            BenchHomes.PASSWORD,
                            "--typing-ms=" + typingMs),
                    "");
        }

        /** Each module of the sidebar opened {@code reps} times in turn after the login. */
        static Result modules(Path home, String user, int reps) throws Exception {
            return launch(
                    new Launch(classPath(), List.of()),
                    List.of(
                            WindowProbe.class.getName(),
                            home.toString(),
                            user,
                            BenchHomes.PASSWORD,
                            "--modules=" + reps),
                    "");
        }

        static Result run(Path home, String user, boolean browse) throws Exception {
            return run(new Launch(classPath(), List.of()), home, user, browse);
        }

        private static Result launch(Launch how, List<String> mainAndArgs, String heap) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle",
                    "-Dmonocle.platform=Headless",
                    "-Dprism.order=sw",
                    "-Dprism.text=t2k",
                    "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8",
                    "-Dorg.jooq.no-logo=true",
                    "-Dorg.jooq.no-tips=true"));
            cmd.addAll(how.options());
            // -Dbench.jvmArgs=-Dprobe.holdMs=N: the probe stays up N ms after its heap figure, for a histogram
            if (System.getProperty("probe.holdMs") != null) {
                cmd.add("-Dprobe.holdMs=" + System.getProperty("probe.holdMs"));
            }
            if (!heap.isEmpty()) {
                cmd.add(heap);
            }
            cmd.addAll(List.of("-cp", how.classPath()));
            cmd.addAll(mainAndArgs);
            long t = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            double ready = -1;
            double login = -1;
            double submitted = -1;
            long cpuSubmitted = -1;
            long cpuReady = -1;
            long heapBytes = -1;
            Map<String, List<Double>> modules = new LinkedHashMap<>();
            StringBuilder said = new StringBuilder();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("LOGIN_SHOWN ") && login < 0) {
                        login = (System.nanoTime() - t) / 1e6;
                    } else if (line.startsWith("SUBMITTED ") && submitted < 0) {
                        submitted = (System.nanoTime() - t) / 1e6;
                    } else if (line.startsWith("CPU_SUBMITTED ")) {
                        cpuSubmitted = Long.parseLong(line.substring(14).trim());
                    } else if (line.startsWith("CPU_READY ")) {
                        cpuReady = Long.parseLong(line.substring(10).trim());
                    } else if (line.startsWith("READY ") && ready < 0) {
                        ready = (System.nanoTime() - t) / 1e6;
                    } else if (line.startsWith("HEAP ")) {
                        heapBytes = Long.parseLong(line.substring(5).trim());
                    } else if (line.startsWith("MODULE ")) {
                        String[] f = line.split(" ");
                        modules.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
                    } else if (said.length() < 4000) {
                        said.append(line).append('\n');
                    }
                }
            }
            int code = p.waitFor();
            if (code != 0 || ready < 0) {
                throw new IllegalStateException("probe failed (" + code + "): " + said);
            }
            double cpu = cpuSubmitted < 0 || cpuReady < 0 ? -1 : (cpuReady - cpuSubmitted) / 1e6;
            return new Result(ready, login, submitted < 0 ? -1 : ready - submitted, cpu, heapBytes, modules);
        }

        static String classPath() {
            String cp = System.getProperty("surefire.test.class.path");
            return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
        }
    }
}
