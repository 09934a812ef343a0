package org.huyou.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.huyou.common.Coded;
import org.huyou.common.IdNumber;

/**
 * The home's allowance roll for a month: each resident in care on at least one day, the category and standard on
 * each day (as segments), the amount due, and the totals per category. Residents whose days have no category or no
 * standard for the region are listed with the problem and count nothing for those days.
 */
public record Roll(YearMonth month, String region, List<Line> lines, List<CategoryTotal> totals) {

    /** Consecutive days with one category and one monthly standard (null when none applies). */
    public record Segment(LocalDate from, LocalDate to, AllowanceCategory category, BigDecimal monthly) {

        public int days() {
            return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        }
    }

    /** Why days of a line count nothing: no allowance category, or no standard for the category in the region. */
    public enum Problem implements Coded {
        NO_CATEGORY,
        NO_STANDARD;

        @Override
        public String labelPrefix() {
            return "allowanceProblem";
        }
    }

    public record Line(
            long residentId,
            String recordNo,
            String name,
            String maskedIdNumber,
            int daysInCare,
            List<Segment> segments,
            Map<AllowanceCategory, BigDecimal> amounts,
            BigDecimal amount,
            List<Problem> problems) {}

    public record CategoryTotal(AllowanceCategory category, int people, int days, BigDecimal amount) {}

    public BigDecimal total() {
        return totals.stream()
                .map(CategoryTotal::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    public int people() {
        return lines.size();
    }

    public static Roll build(
            YearMonth month, String region, List<RollInput> inputs, List<Proration.Standard> standards) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Line> lines = new ArrayList<>();
        for (RollInput in : inputs) {
            List<Proration.Stay> stays = in.stays(last).stream()
                    .filter(s -> !s.to().isBefore(first) && !s.from().isAfter(last))
                    .toList();
            if (stays.isEmpty()) {
                continue;
            }
            List<Segment> segments = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            int days = 0;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                LocalDate day = d;
                Proration.Stay stay = stays.stream()
                        .filter(s -> !day.isBefore(s.from()) && !day.isAfter(s.to()))
                        .findFirst()
                        .orElse(null);
                if (stay == null) {
                    continue;
                }
                days++;
                BigDecimal monthly = Proration.standardOn(standards, stay.category(), region, day)
                        .map(Proration.Standard::monthly)
                        .orElse(null);
                Problem p =
                        stay.category() == null ? Problem.NO_CATEGORY : monthly == null ? Problem.NO_STANDARD : null;
                if (p != null && !problems.contains(p)) {
                    problems.add(p);
                }
                Segment lastSeg = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                if (lastSeg != null
                        && lastSeg.to().plusDays(1).equals(day)
                        && lastSeg.category() == stay.category()
                        && Objects.equals(lastSeg.monthly(), monthly)) {
                    segments.set(segments.size() - 1, new Segment(lastSeg.from(), day, stay.category(), monthly));
                } else {
                    segments.add(new Segment(day, day, stay.category(), monthly));
                }
            }
            List<Proration.Day> due = Proration.days(month, stays, standards, region);
            Map<AllowanceCategory, BigDecimal> amounts = Proration.byCategory(month, due);
            lines.add(new Line(
                    in.residentId(),
                    in.recordNo(),
                    in.name(),
                    in.idNumber() == null ? "" : IdNumber.mask(in.idNumber()),
                    days,
                    List.copyOf(segments),
                    amounts,
                    Proration.amount(month, due),
                    List.copyOf(problems)));
        }
        return new Roll(month, region, List.copyOf(lines), totals(lines));
    }

    private static List<CategoryTotal> totals(List<Line> lines) {
        Map<AllowanceCategory, int[]> counts = new EnumMap<>(AllowanceCategory.class);
        Map<AllowanceCategory, BigDecimal> sums = new EnumMap<>(AllowanceCategory.class);
        for (Line l : lines) {
            for (Segment s : l.segments()) {
                if (s.category() != null && s.monthly() != null) {
                    counts.computeIfAbsent(s.category(), c -> new int[2])[1] += s.days();
                }
            }
            l.amounts().forEach((c, a) -> {
                counts.computeIfAbsent(c, k -> new int[2])[0]++;
                sums.merge(c, a, BigDecimal::add);
            });
        }
        return counts.entrySet().stream()
                .map(e -> new CategoryTotal(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        sums.getOrDefault(e.getKey(), BigDecimal.ZERO.setScale(2))))
                .toList();
    }
}
