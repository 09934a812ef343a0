package org.huyou.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The modules group's figures of the run before, kept in {@code target/bench/modules-earlier.properties} (each module's
 * median and p95, when and at what load average), so that each module's opening is printed beside its earlier figure:
 * a change to one module is read off the table, not from notes. Other groups' runs leave the file as it is.
 */
final class EarlierModules {

    static final Path FILE = Path.of("target", "bench", "modules-earlier.properties");

    private final Properties earlier = new Properties();
    private final double loadAtStart = load();

    EarlierModules() throws IOException {
        if (Files.exists(FILE)) {
            try (var in = Files.newBufferedReader(FILE)) {
                earlier.load(in);
            }
        }
    }

    /** The table of each module now beside the run before, then this run kept as the next run's earlier figures. */
    String compareAndKeep(Map<String, Stats> now) throws IOException {
        double loadAtEnd = load();
        StringBuilder t = new StringBuilder(String.format(
                Locale.ROOT,
                "modules now (load average %.1f-%.1f) beside the run before (%s, load average %s), median / p95 ms,"
                        + " budget 150:%n| module | before | now | holds |%n|---|---|---|---|%n",
                loadAtStart,
                loadAtEnd,
                earlier.getProperty("at", "none"),
                earlier.getProperty("load", "-")));
        Map<String, String> kept = new LinkedHashMap<>();
        now.forEach((nav, s) -> {
            String before = earlier.getProperty(nav, "-");
            String figure = Figure.fmt(s.median()) + " / " + Figure.fmt(s.p95());
            t.append(String.format(
                    Locale.ROOT, "| %s | %s | %s | %s |%n", nav, before, figure, s.median() <= 150 ? "ok" : "MISSED"));
            kept.put(nav, figure);
        });
        Properties next = new Properties();
        next.putAll(kept);
        next.setProperty(
                "at", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).toString());
        next.setProperty("load", String.format(Locale.ROOT, "%.1f-%.1f", loadAtStart, loadAtEnd));
        Files.createDirectories(FILE.getParent());
        try (var out = Files.newBufferedWriter(FILE)) {
            next.store(out, "the modules group's last run: median / p95 ms");
        }
        return t.toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
