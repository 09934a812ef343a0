package org.huyou.common;

/**
 * The one rule for a reason that sets a safety or money check aside (a dose despite an allergy, paying one's own
 * payment): long enough, at most 500 characters, and words rather than one key held down ("aaaaaa" is no reason).
 */
public final class OverrideReasons {

    public static final int MAX = 500;

    private OverrideReasons() {}

    /** What is wrong with {@code why} as the reason in {@code field}, or null when it passes. */
    public static FieldError problem(String field, String why, int min, String tooShortKey) {
        int length = why.codePointCount(0, why.length());
        if (length > MAX) {
            return new FieldError(field, "check.reasonTooLong", MAX);
        }
        if (length < min) {
            return new FieldError(field, tooShortKey, min);
        }
        if (HiddenCharacters.in(why, true)) {
            return new FieldError(field, "check.reasonHiddenCharacters");
        }
        if (why.codePoints().filter(Character::isLetterOrDigit).distinct().count() < 3) {
            return new FieldError(field, "check.reasonNotWords");
        }
        return null;
    }
}
