package org.huyou.statistics;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One figure's numbers: points on an x axis (a category, a year, a month), each in a series. Keys identify a point for
 * the drill-down; labels are what the user reads.
 */
public record Chart(Figure figure, String asOfText, List<Point> points) {

    public record Point(String xKey, String xLabel, String seriesKey, String seriesLabel, BigDecimal value) {
    }

    public List<String> xLabels() {
        Set<String> xs = new LinkedHashSet<>();
        points.forEach(p -> xs.add(p.xLabel()));
        return List.copyOf(xs);
    }

    public List<String> seriesLabels() {
        Set<String> s = new LinkedHashSet<>();
        points.forEach(p -> s.add(p.seriesLabel()));
        return List.copyOf(s);
    }

    public BigDecimal total() {
        return points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The sum of one series (by key) over the x axis. */
    public BigDecimal total(String seriesKey) {
        return points.stream().filter(p -> p.seriesKey().equals(seriesKey)).map(Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The value at an x and a series, by their labels (what a table of the chart shows); zero where none. */
    public BigDecimal at(String xLabel, String seriesLabel) {
        return points.stream().filter(p -> p.xLabel().equals(xLabel) && p.seriesLabel().equals(seriesLabel))
                .map(Point::value).findFirst().orElse(BigDecimal.ZERO);
    }

    /** A series' sum by its label. */
    public BigDecimal seriesTotal(String seriesLabel) {
        return points.stream().filter(p -> p.seriesLabel().equals(seriesLabel)).map(Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
