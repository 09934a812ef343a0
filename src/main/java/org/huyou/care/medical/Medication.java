package org.huyou.care.medical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huyou.common.Coded;

/** Medication orders and the medication administration record (MAR). */
public final class Medication {

    private Medication() {}

    /**
     * A prescription: a drug and dose at fixed times of day from a start date until an end date (open: none).
     * {@code ingredient} and {@code drugClass} come from the formulary (null on orders made before it);
     * {@code allergyOverride} is the reason medical staff gave for ordering it despite the child's allergies, and
     * {@code overrideCovers} the ids of the allergies that reason was given for (an allergy recorded later is not);
     * {@code doseOverride} the reason for a dose above its ingredient's known maximum.
     */
    public record Order(
            long id,
            long residentId,
            String drug,
            String dose,
            List<LocalTime> times,
            LocalDate start,
            LocalDate end,
            String note,
            String recordedBy,
            boolean voided,
            String ingredient,
            String drugClass,
            String allergyOverride,
            Set<Long> overrideCovers,
            String doseOverride) {

        public Order {
            overrideCovers = overrideCovers == null ? Set.of() : Set.copyOf(overrideCovers);
        }

        /** The same order as stored under {@code id}. */
        public Order withId(long id) {
            return new Order(
                    id,
                    residentId,
                    drug,
                    dose,
                    times,
                    start,
                    end,
                    note,
                    recordedBy,
                    voided,
                    ingredient,
                    drugClass,
                    allergyOverride,
                    overrideCovers,
                    doseOverride);
        }

        public boolean overridden() {
            return allergyOverride != null;
        }

        /** Whether medical staff's override of this order was given for every one of these conflicts. */
        public boolean covers(List<AllergyConflict> conflicts) {
            return overridden()
                    && conflicts.stream()
                            .allMatch(c -> overrideCovers.contains(c.allergy().id()));
        }

        public boolean activeOn(LocalDate day) {
            return !voided && !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }

    /**
     * A child's orders and, by order id, those that conflict with the allergies as they stand now: read together,
     * so the medical tab gets both from one reading of the orders.
     */
    public record Orders(List<Order> orders, Map<Long, List<AllergyConflict>> conflicts) {

        public Orders {
            orders = List.copyOf(orders);
            conflicts = Map.copyOf(conflicts);
        }
    }

    public enum Outcome implements Coded {
        GIVEN,
        REFUSED,
        MISSED;

        @Override
        public String labelPrefix() {
            return "doseOutcome";
        }
    }

    /**
     * One scheduled dose dealt with: given, refused or missed, by whom and when; voided ones stay, marked. {@code
     * doseOverride} is its order's reason for a dose above the known maximum, shown with each dose.
     */
    public record Administration(
            long id,
            long orderId,
            String drug,
            String dose,
            LocalDateTime scheduledFor,
            Outcome outcome,
            String note,
            LocalDateTime recordedAt,
            String recordedBy,
            boolean voided,
            String voidReason,
            String doseOverride) {}

    /**
     * A scheduled dose nobody has recorded yet, with the conflicts between its drug and the child's allergies as
     * they stand now (an allergy recorded after the order counts too).
     */
    public record DueDose(
            Order order, String residentName, LocalDateTime scheduledFor, List<AllergyConflict> conflicts) {

        public DueDose {
            conflicts = List.copyOf(conflicts);
        }
    }

    /** "08:00,20:00" to times, sorted; null when the text is not a list of times. */
    public static List<LocalTime> parseTimes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Arrays.stream(text.split("[,，;；\\s]+"))
                    .filter(s -> !s.isBlank())
                    .map(s -> LocalTime.parse(s.length() == 4 ? "0" + s : s))
                    .distinct()
                    .sorted()
                    .toList();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first part of {@code text} that is not a time of day ("25:99"), or null when every part is one. */
    public static String firstUnreadableTime(String text) {
        if (text == null) {
            return null;
        }
        for (String s : text.strip().split("[,，;；\\s]+")) {
            if (!s.isBlank() && parseTimes(s) == null) {
                return s;
            }
        }
        return null;
    }

    public static String formatTimes(List<LocalTime> times) {
        return String.join(",", times.stream().map(LocalTime::toString).toList());
    }
}
