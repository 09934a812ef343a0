package org.huyou.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as people type them: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日 and 20240305. Shown as yyyy-MM-dd. */
public final class Dates {

    public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DISPLAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private Dates() {}

    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m = SEPARATED.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DISPLAY.format(date);
    }

    /** A moment as a record shows when it was done: 2026-11-23 10:05. */
    public static String format(LocalDateTime at) {
        return at == null ? "" : DISPLAY_TIME.format(at);
    }

    /** An age as people say it: "12岁3个月" / "12 y 3 m". */
    public static String age(LocalDate birth, LocalDate today) {
        if (birth == null) {
            return "";
        }
        Period p = Period.between(birth, today);
        if (p.getYears() == 0) {
            return Messages.t("age.months", p.getMonths());
        }
        return Messages.t("age.yearsMonths", p.getYears(), p.getMonths());
    }

    /** {@code wanted}, or {@code limit} when that is earlier: a record is never stamped later than the clock. */
    public static LocalDateTime noLaterThan(LocalDateTime wanted, LocalDateTime limit) {
        return wanted.isAfter(limit) ? limit : wanted;
    }
}
