package org.huyou.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects every problem with a service's input, each message naming its field ("标题：必填。"), and throws them
 * together: inline forms have no label beside each field, so the message must say which one.
 */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    public Checks(LocalDate today) {
        this.today = today;
    }

    /**
     * One line of text (a name, a title, a place): stripped, null when blank; required and length-checked, and refused
     * with a hidden character ({@link HiddenCharacters}: a direction override, a zero-width or control character, a
     * line break), which would show the text reversed or spoofed wherever it is drawn.
     */
    public String text(String field, String labelKey, String value, int max, boolean required) {
        return text(field, labelKey, value, max, required, false);
    }

    /**
     * As {@link #text}, for prose a user may break into lines (a note, a description, a reason): tabs and line breaks
     * pass, every other hidden character is refused.
     */
    public String lines(String field, String labelKey, String value, int max, boolean required) {
        return text(field, labelKey, value, max, required, true);
    }

    private String text(String field, String labelKey, String value, int max, boolean required, boolean multiLine) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v == null && required) {
            add(field, "check.required", labelKey);
        } else if (v != null && v.length() > max) {
            add(field, "check.tooLong", labelKey, max);
        }
        if (HiddenCharacters.in(v, multiLine)) {
            add(field, "check.hiddenCharacters", labelKey);
        }
        return v;
    }

    /**
     * A required date says which date is missing in a sentence ("请填写入院日期。" / "Date of admission: enter the
     * date."), not "入院日期：必填。": every caller with a date reaches this overload without change.
     */
    public LocalDate required(String field, String labelKey, LocalDate value) {
        if (value == null) {
            errors.add(new FieldError(field, "check.dateRequired", Messages.t(labelKey)));
        }
        return value;
    }

    /** A required time of day, as a required date. */
    public LocalTime required(String field, String labelKey, LocalTime value) {
        if (value == null) {
            errors.add(new FieldError(field, "check.timeRequired", Messages.t(labelKey)));
        }
        return value;
    }

    /** Digits (7 to 15) with the usual separators, an optional leading + and an extension after 转: 0543-1234567转801. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 \\-()（）]*(转[0-9]{1,6})?");

    /**
     * A phone number as typed (stripped, null when blank): anything with letters or other signs ("abc123") is
     * refused naming the field and what was typed, wherever it comes from (a screen, the command line, an import).
     */
    public String phone(String field, String labelKey, String value, boolean required) {
        String v = text(field, labelKey, value, 40, required);
        if (v != null && v.length() <= 40 && !HiddenCharacters.in(v, false)) { // a hidden character is said once
            String main = v.contains("转") ? v.substring(0, v.indexOf('转')) : v;
            int digits = (int) main.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(v).matches() || digits < 7 || digits > 15) {
                add(field, "check.phone", labelKey, v);
            }
        }
        return v;
    }

    public <T> T required(String field, String labelKey, T value) {
        if (value == null) {
            add(field, "check.required", labelKey);
        }
        return value;
    }

    /** A date that is required and, for things that happened, not after today. */
    public LocalDate pastDate(String field, String labelKey, LocalDate value) {
        return notAfterToday(field, labelKey, required(field, labelKey, value));
    }

    /**
     * A required date of something that happened, its absence said in the form's own sentence ({@code missingKey}:
     * "请填写测量日期。" / "Enter the date of the measurement."), and not after today.
     */
    public LocalDate pastDate(String field, String labelKey, LocalDate value, String missingKey) {
        rule(value != null, field, missingKey);
        return notAfterToday(field, labelKey, value);
    }

    /**
     * A date of something that happened, not after today ("出生日期：不能晚于今天。"); null passes, for a caller that
     * says in its own sentence which date is missing.
     */
    public LocalDate notAfterToday(String field, String labelKey, LocalDate value) {
        if (value != null && value.isAfter(today)) {
            add(field, "check.future", labelKey);
        }
        return value;
    }

    /**
     * A date of something still to come, not before today ("预计毕业：不能早于今天。"); null passes, for the caller's
     * own required check.
     */
    public LocalDate notBeforeToday(String field, String labelKey, LocalDate value) {
        if (value != null && value.isBefore(today)) {
            add(field, "check.past", labelKey);
        }
        return value;
    }

    /**
     * A date not before another the record depends on, which the sentence names with its day ("离院日期：不能早于入院日期
     * （2012-03-01）。"): a leaving before the admission, a graduation before the birthday. Either null passes.
     */
    public LocalDate notBefore(String field, String labelKey, LocalDate value, String earliestKey, LocalDate earliest) {
        if (value != null && earliest != null && value.isBefore(earliest)) {
            add(field, "check.before", labelKey, Messages.t(earliestKey), earliest.toString());
        }
        return value;
    }

    public int range(String field, String labelKey, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "check.range", labelKey, min, max);
        }
        return value;
    }

    public BigDecimal range(String field, String labelKey, BigDecimal value, BigDecimal min, BigDecimal max) {
        if (required(field, labelKey, value) != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            add(field, "check.range", labelKey, bound(min), bound(max));
        }
        return value;
    }

    /** A limit as people read it: 100,000,000 and 0.01, not 100000000.00. */
    private static String bound(BigDecimal v) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** As {@link #range(String, String, BigDecimal, BigDecimal, BigDecimal)} for a number that may be left out. */
    public BigDecimal optionalRange(String field, String labelKey, BigDecimal value, BigDecimal min, BigDecimal max) {
        return value == null ? null : range(field, labelKey, value, min, max);
    }

    /** A rule of its own: {@code ok} or the message under {@code key}. */
    public void rule(boolean ok, String field, String key, Object... args) {
        if (!ok) {
            errors.add(new FieldError(field, key, args));
        }
    }

    /**
     * A value only one record may hold (an ID number, a user name): refused when {@code taken}, with the sentence under
     * {@code key} (naming the value or the record that holds it through {@code args}).
     */
    public void notTaken(String field, String key, boolean taken, Object... args) {
        rule(!taken, field, key, args);
    }

    /**
     * A value only one row of a list (an import) and one record may hold: refused as a repeat of the list's earlier
     * row {@code earlierRow} (from 0; null when this row is the first with it), or else when {@code taken} by a record
     * already registered, with the sentence under {@code takenKey}.
     */
    public void unique(String field, Integer earlierRow, boolean taken, String takenKey, Object... args) {
        if (earlierRow != null) {
            errors.add(new FieldError(field, "import.duplicateOfEntry", earlierRow + 1));
        } else {
            notTaken(field, takenKey, taken, args);
        }
    }

    /** What is wrong with one row of a list, if anything, put under the row's number in the list's problems. */
    public void addTo(Map<Integer, List<FieldError>> problems, int row) {
        if (!errors.isEmpty()) {
            problems.put(row, new ArrayList<>(errors));
        }
    }

    /** What is wrong so far, for a caller that reports rather than throws (an import's row). */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void add(String field, String key, String labelKey, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = Messages.t(labelKey);
        System.arraycopy(more, 0, args, 1, more.length);
        errors.add(new FieldError(field, key, args));
    }
}
