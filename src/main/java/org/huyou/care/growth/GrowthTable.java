package org.huyou.care.growth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** One reference table: L, M, S by age in months, with linear interpolation between rows. */
final class GrowthTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final double[] months;
    private final double[] l;
    private final double[] m;
    private final double[] s;

    GrowthTable(List<double[]> rows) {
        months = new double[rows.size()];
        l = new double[rows.size()];
        m = new double[rows.size()];
        s = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            months[i] = r[0];
            l[i] = r[1];
            m[i] = r[2];
            s[i] = r[3];
        }
    }

    double firstMonth() {
        return months[0];
    }

    double lastMonth() {
        return months[months.length - 1];
    }

    boolean covers(double month) {
        return month >= months[0] - 1e-9 && month <= months[months.length - 1] + 1e-9;
    }

    /** L, M and S at an age, interpolated linearly between the rows around it. */
    Lms at(double month) {
        if (!covers(month)) {
            throw new IllegalArgumentException(
                    "age " + month + " months outside " + months[0] + "-" + months[months.length - 1]);
        }
        int hi = 1;
        while (hi < months.length - 1 && months[hi] < month) {
            hi++;
        }
        int lo = hi - 1;
        if (month <= months[lo]) {
            return new Lms(l[lo], m[lo], s[lo]);
        }
        double t = (month - months[lo]) / (months[hi] - months[lo]);
        return new Lms(lerp(l[lo], l[hi], t), lerp(m[lo], m[hi], t), lerp(s[lo], s[hi], t));
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** The rows of a bundled JSON file (an array of objects with Month, L, M, S as strings). */
    static List<Map<String, String>> readRows(String resource) {
        try (InputStream in = GrowthTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("growth table missing: " + resource);
            }
            List<Map<String, String>> rows = JSON.readValue(in, new TypeReference<List<Map<String, String>>>() {});
            return rows.stream().filter(row -> row.containsKey("L")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] lms(Map<String, String> row) {
        return new double[] {
            Double.parseDouble(row.get("Month")),
            Double.parseDouble(row.get("L")),
            Double.parseDouble(row.get("M")),
            Double.parseDouble(row.get("S"))
        };
    }
}
