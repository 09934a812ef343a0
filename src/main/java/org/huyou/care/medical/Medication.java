package org.huyou.care.medical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huyou.common.Coded;

/** Medication orders and the medication administration record (MAR). */
public final class Medication {

    private Medication() {
    }

    /** A prescription: a drug and dose at fixed times of day from a start date until an end date (open: none). */
    public record Order(long id, long residentId, String drug, String dose, List<LocalTime> times, LocalDate start,
                        LocalDate end, String note, String recordedBy, boolean voided) {

        public boolean activeOn(LocalDate day) {
            return !voided && !day.isBefore(start) && (end == null || !day.isAfter(end));
        }
    }

    public enum Outcome implements Coded {
        GIVEN, REFUSED, MISSED;

        @Override
        public String labelPrefix() {
            return "doseOutcome";
        }
    }

    /** One scheduled dose dealt with: given, refused or missed, by whom and when. */
    public record Administration(long id, long orderId, String drug, String dose, LocalDateTime scheduledFor,
                                 Outcome outcome, String note, LocalDateTime recordedAt, String recordedBy) {
    }

    /** A scheduled dose nobody has recorded yet. */
    public record DueDose(Order order, String residentName, LocalDateTime scheduledFor) {
    }

    /** "08:00,20:00" to times, sorted; null when the text is not a list of times. */
    public static List<LocalTime> parseTimes(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.util.Arrays.stream(text.split("[,，;；\\s]+")).filter(s -> !s.isBlank())
                    .map(s -> LocalTime.parse(s.length() == 4 ? "0" + s : s)).distinct().sorted().toList();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public static String formatTimes(List<LocalTime> times) {
        return String.join(",", times.stream().map(LocalTime::toString).toList());
    }
}
