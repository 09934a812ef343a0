package org.huyou.common;

import java.text.Collator;
import java.text.MessageFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    private Messages() {}

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
        return joined(t("common.listSeparator"), items);
    }

    /** Clauses of one line: 甲；乙 in Chinese, "a; b" in English. */
    public static String clauses(Collection<String> items) {
        return joined(t("common.clauseSeparator"), items);
    }

    /**
     * The one place texts are joined: each part loses the stop it ends with before the separator or the sign that
     * follows it (a typed "已租房。" joined with "；" read "已租房。；").
     */
    private static String joined(String separator, Collection<String> items) {
        return items.stream().map(Messages::asClause).collect(Collectors.joining(separator));
    }

    /** Stops and separators that end a sentence or clause, which a sign put right after them doubles. */
    private static final String STOPS = "。；，、：.;,:";
    /** Signs a pattern may put right after an argument. */
    private static final String SIGNS = STOPS + "！？!?";

    /** {@code text} without the stop (and the spaces) it ends with, to go before a separator or a sign. */
    public static String asClause(String text) {
        if (text == null) {
            return null;
        }
        String t = text.stripTrailing();
        if (t.endsWith("...")) {
            return t; // an ellipsis is not a stop
        }
        int end = t.length();
        while (end > 0 && STOPS.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }

    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(beforeSigns(pattern, args));
    }

    /** The arguments, each that the pattern follows with a sign ("{0}；") without the stop it ends with. */
    private static Object[] beforeSigns(String pattern, Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String slot = "{" + i + "}";
            for (int at = pattern.indexOf(slot);
                    at >= 0 && out[i] instanceof String text;
                    at = pattern.indexOf(slot, at + 1)) {
                int next = at + slot.length();
                if (next < pattern.length() && SIGNS.indexOf(pattern.charAt(next)) >= 0) {
                    out[i] = asClause(text); // wherever else it stands, a stop inside a sentence is not missed
                    break;
                }
            }
        }
        return out;
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

    /**
     * The sentence under {@code key} in {@code language}, whatever the screen's: a receipt is an official Chinese
     * document, and an English screen printed it in English.
     */
    public static String in(Locale language, String key, Object... args) {
        Locale chosen = ENGLISH.getLanguage().equals(language.getLanguage()) ? ENGLISH : CHINESE;
        String pattern;
        try {
            pattern = load(chosen).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, chosen).format(beforeSigns(pattern, args));
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    public static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(), NO_FALLBACK);
    }
}
