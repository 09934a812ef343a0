package org.huyou.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One figure's numbers: points on an x axis (a category, a year, a month), each in a series. Keys identify a point for
 * the drill-down; labels are what the user reads. The series come in their natural order ({@code seriesOrder}: grades
 * 一级 to 四级, sources and statuses as their registers list them), and a series whose months do not add up (people
 * counted once in the year) carries its period figure in {@code periodTotals}.
 */
public record Chart(
        Figure figure,
        String asOfText,
        List<Point> points,
        List<String> seriesOrder,
        Map<String, BigDecimal> periodTotals) {

    public record Point(String xKey, String xLabel, String seriesKey, String seriesLabel, BigDecimal value) {}

    public Chart {
        points = List.copyOf(points);
        seriesOrder = List.copyOf(seriesOrder);
        periodTotals = Map.copyOf(periodTotals);
    }

    /** Series in the order the points first name them. */
    public Chart(Figure figure, String asOfText, List<Point> points) {
        this(
                figure,
                asOfText,
                points,
                points.stream().map(Point::seriesKey).distinct().toList(),
                Map.of());
    }

    public List<String> xLabels() {
        Set<String> xs = new LinkedHashSet<>();
        points.forEach(p -> xs.add(p.xLabel()));
        return List.copyOf(xs);
    }

    /** The keys of the series that have points, in natural order. */
    public List<String> seriesKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : seriesOrder) {
            if (points.stream().anyMatch(p -> p.seriesKey().equals(k))) {
                keys.add(k);
            }
        }
        points.stream()
                .map(Point::seriesKey)
                .distinct()
                .filter(k -> !keys.contains(k))
                .forEach(keys::add);
        return keys;
    }

    public List<String> seriesLabels() {
        return seriesKeys().stream().map(this::label).toList();
    }

    public String label(String seriesKey) {
        return points.stream()
                .filter(p -> p.seriesKey().equals(seriesKey))
                .map(Point::seriesLabel)
                .findFirst()
                .orElse(seriesKey);
    }

    public Unit unit(String seriesKey) {
        return Series.unitOf(seriesKey);
    }

    /** Whether every series counts things (people or entries): the value axis then has whole-number ticks. */
    public boolean counts() {
        return seriesKeys().stream().allMatch(k -> unit(k).whole());
    }

    /**
     * A row's 合计 across series is shown only where the series are parts of one whole in one unit that adds up.
     */
    public boolean rowTotals() {
        return figure.seriesAddUp()
                && seriesKeys().size() > 1
                && seriesKeys().stream().allMatch(k -> unit(k) == Unit.COUNT);
    }

    /** The sum of every point: meaningful for one series, or for series that add up ({@link #rowTotals()}). */
    public BigDecimal total() {
        return points.stream().map(Point::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * A series' figure for the whole period, by key: the sum over the x axis, or the period's own figure where months
     * do not add up (people who served in the year).
     */
    public BigDecimal total(String seriesKey) {
        BigDecimal own = periodTotals.get(seriesKey);
        if (own != null) {
            return own;
        }
        return points.stream()
                .filter(p -> p.seriesKey().equals(seriesKey))
                .map(Point::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The value at an x and a series, by their labels (what a table of the chart shows); zero where none. */
    public BigDecimal at(String xLabel, String seriesLabel) {
        return points.stream()
                .filter(p -> p.xLabel().equals(xLabel) && p.seriesLabel().equals(seriesLabel))
                .map(Point::value)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** A series' period figure by its label. */
    public BigDecimal seriesTotal(String seriesLabel) {
        return seriesKeys().stream()
                .filter(k -> label(k).equals(seriesLabel))
                .findFirst()
                .map(this::total)
                .orElse(BigDecimal.ZERO);
    }

    /** A series' period figure written in its unit: {@code 509,234.50}, {@code 20}, {@code 12.5}. */
    public String formattedTotal(String seriesKey) {
        return unit(seriesKey).format(total(seriesKey));
    }

    /** Whether any series of the chart holds a figure that months do not add up to. */
    public boolean hasPeriodTotals() {
        return !periodTotals.isEmpty();
    }
}
