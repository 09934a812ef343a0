package org.huyou.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Timings of repeated runs in milliseconds: median, 95th percentile and the spread (min-max). */
record Stats(int runs, double median, double p95, double min, double max) {

    static Stats of(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return new Stats(s.size(), percentile(s, 50), percentile(s, 95), s.get(0), s.get(s.size() - 1));
    }

    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    /** Times {@code reps} runs after {@code warmup} untimed ones. */
    static Stats time(int warmup, int reps, Runnable r) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            r.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return of(ms);
    }

    String json() {
        return String.format(
                java.util.Locale.ROOT,
                "{\"runs\":%d,\"median\":%.3f,\"p95\":%.3f,\"min\":%.3f,\"max\":%.3f}",
                runs,
                median,
                p95,
                min,
                max);
    }
}
