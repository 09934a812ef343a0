package org.huyou.common;

import java.text.Collator;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Every sentence a user sees: {@code i18n/messages_zh_CN.properties} (the default) and {@code messages_en}.
 * Static, like JabRef's Localization, because nearly every class that shows text needs it and the language is
 * one per running app.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "org.huyou.i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile Locale locale = CHINESE;
    private static volatile ResourceBundle bundle = load(CHINESE);

    private Messages() {
    }

    public static void use(Locale newLocale) {
        Locale chosen = ENGLISH.getLanguage().equals(newLocale.getLanguage()) ? ENGLISH : CHINESE;
        bundle = load(chosen);
        locale = chosen;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    /** The sentence under {@code key}, with {@code args} put in by {@link MessageFormat} when there are any. */
    /** Items as a list in the current language: 甲、乙、丙 in Chinese, "a, b, c" in English. */
    public static String list(Collection<String> items) {
        return String.join(t("common.listSeparator"), items);
    }

    /** Clauses of one line: 甲；乙 in Chinese, "a; b" in English. */
    public static String clauses(Collection<String> items) {
        return String.join(t("common.clauseSeparator"), items);
    }

    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Choices in the order of the user's language, by the text shown: Chinese by pinyin, English alphabetically. A
     * picker whose items come from data (a file, the database) in their own order reads as unsorted otherwise. The
     * JDK's collation for {@link Locale#CHINA} alone puts characters it does not rank (喹 kui) after all others, so
     * Chinese compares the pinyin first and the collation only breaks ties (homophones).
     */
    public static <T> Comparator<T> byText(Function<T, String> shown) {
        Function<T, String> text = t -> shown.apply(t) == null ? "" : shown.apply(t);
        if (locale == ENGLISH) {
            return Comparator.comparing(text, Collator.getInstance(Locale.ENGLISH));
        }
        Comparator<T> byPinyin = Comparator.comparing(t -> Pinyin.full(text.apply(t)));
        return byPinyin.thenComparing(text, Collator.getInstance(Locale.CHINA));
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }
}
