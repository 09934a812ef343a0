package org.huyou.common;

import java.util.List;

/**
 * Characters that do not show as themselves: C0/C1 controls, format characters (the bidi marks, embeddings, overrides
 * and isolates U+200E/F, U+202A-202E, U+2066-2069, U+061C; the zero-width space, joiners, word joiner and BOM), line and
 * paragraph separators, and halves of a broken surrogate pair. A name with U+202E stored shows reversed on screens,
 * receipts and PDFs, so text a user types is refused with them (tab and line breaks pass in multi-line text) and text
 * stored before this rule is drawn with a visible placeholder.
 */
public final class HiddenCharacters {

    /** What a document draws in place of a hidden character or one its font cannot show. */
    public static final String PLACEHOLDER = "□";

    private HiddenCharacters() {}

    /** Whether the code point is invisible or changes the direction of the text around it. */
    public static boolean hidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** A tab or a line break, which multi-line text (a note, a reason) may hold. */
    public static boolean lineBreakOrTab(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r';
    }

    /**
     * Refuses a reason (a void's, an override's, a replacement's) holding a hidden character; tabs and line breaks
     * pass, as reasons are typed in a multi-line box.
     */
    public static void checkReason(String reason) {
        if (in(reason, true)) {
            throw new ValidationException(List.of(new FieldError("reason", "check.reasonHiddenCharacters")));
        }
    }

    /**
     * The text as a screen shows it: each hidden character (stored before such text was refused) as
     * {@link #PLACEHOLDER}, tabs and line breaks kept, so a stored name cannot show reversed or spoofed.
     */
    public static String shown(String text) {
        if (text == null || !in(text, true)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (hidden(cp) && !lineBreakOrTab(cp)) {
                b.append(PLACEHOLDER);
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Whether the text holds a hidden character; in multi-line text tabs and line breaks are allowed. */
    public static boolean in(String text, boolean multiLine) {
        return text != null && text.codePoints().anyMatch(cp -> hidden(cp) && !(multiLine && lineBreakOrTab(cp)));
    }
}
