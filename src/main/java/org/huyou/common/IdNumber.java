package org.huyou.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The 18-digit resident identity number of GB 11643-1999: 6 digits of address code, 8 of birth date,
 * 3 of sequence (odd for men, even for women) and a check digit by ISO 7064 MOD 11-2.
 */
public final class IdNumber {

    /** Why a number was refused; each has a translated sentence under {@code idnumber.<name>}. */
    public enum Problem {
        WRONG_LENGTH,
        BAD_CHARACTERS,
        BAD_DATE,
        BAD_CHECK_DIGIT
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumber() {}

    /** Trims and upper-cases a typed number; {@code null} or blank becomes {@code null}. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** The first problem of a normalized number, or empty when it is well formed. */
    public static Optional<Problem> check(String number) {
        if (number == null || number.length() != 18) {
            return Optional.of(Problem.WRONG_LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(number.charAt(i))) {
                return Optional.of(Problem.BAD_CHARACTERS);
            }
        }
        char last = number.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return Optional.of(Problem.BAD_CHARACTERS);
        }
        if (parseBirthDate(number).isEmpty()) {
            return Optional.of(Problem.BAD_DATE);
        }
        if (checkDigit(number.substring(0, 17)) != last) {
            return Optional.of(Problem.BAD_CHECK_DIGIT);
        }
        return Optional.empty();
    }

    public static boolean isValid(String number) {
        return check(normalize(number)).isEmpty();
    }

    /** The check digit for the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /** The birth date encoded at positions 7-14, if it is a real date not before 1900. */
    public static Optional<LocalDate> parseBirthDate(String number) {
        try {
            int year = Integer.parseInt(number.substring(6, 10));
            int month = Integer.parseInt(number.substring(10, 12));
            int day = Integer.parseInt(number.substring(12, 14));
            if (year < 1800) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(year, month, day));
        } catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The sex encoded by the parity of the 17th digit. */
    public static Gender gender(String number) {
        return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * Shows the region code only: 110105************. The birth date in the middle is on the same screens, and with it
     * the last four (sequence and check digit) gave the whole number back; so those are hidden too.
     */
    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        if (number.length() < 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 6);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
