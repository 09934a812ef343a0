package org.huyou.common;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Search keys for Chinese names: full pinyin ("zhangxiaoming") and initials ("zxm"), lower case without tones.
 * pinyin4j knows characters, not names, so a surname with a special reading (单 shan, 曾 zeng, 解 xie...) is
 * corrected from a table when it stands first.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('单', "shan"),
            Map.entry('曾', "zeng"),
            Map.entry('解', "xie"),
            Map.entry('仇', "qiu"),
            Map.entry('朴', "piao"),
            Map.entry('区', "ou"),
            Map.entry('查', "zha"),
            Map.entry('盖', "ge"),
            Map.entry('缪', "miao"),
            Map.entry('覃', "qin"),
            Map.entry('乐', "yue"),
            Map.entry('召', "shao"),
            Map.entry('秘', "bi"),
            Map.entry('种', "chong"),
            Map.entry('翟', "zhai"),
            Map.entry('万', "wan"),
            Map.entry('沈', "shen"),
            Map.entry('柏', "bai"),
            Map.entry('贾', "jia"),
            Map.entry('重', "chong"),
            Map.entry('宁', "ning"),
            Map.entry('任', "ren"),
            Map.entry('华', "hua"),
            Map.entry('纪', "ji"),
            Map.entry('长', "chang"),
            Map.entry('尉', "yu"),
            Map.entry('薄', "bo"),
            Map.entry('阚', "kan"),
            Map.entry('员', "yun"),
            Map.entry('那', "na"),
            Map.entry('繁', "po"),
            Map.entry('蕃', "pi"),
            Map.entry('莘', "shen"),
            Map.entry('隗', "wei"),
            Map.entry('佴', "nai"),
            Map.entry('黑', "he"),
            Map.entry('瞿', "qu"),
            Map.entry('祭', "zhai"),
            Map.entry('藏', "zang"),
            Map.entry('句', "gou"));

    /**
     * Each character's reading, looked up once: pinyin4j formats a reading with regular expressions on every call,
     * a sixth of a large import's time before this (JFR, 5,000 residents). Bounded by the characters names use.
     */
    private static final Map<Character, String> READINGS = new ConcurrentHashMap<>();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {}

    /** Full pinyin of a name, syllables run together: 张小明 → zhangxiaoming. */
    public static String full(String name) {
        StringBuilder sb = new StringBuilder();
        forEachSyllable(name, sb::append);
        return sb.toString();
    }

    /** First letters of the syllables: 张小明 → zxm. Latin letters and digits are kept as typed. */
    public static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        forEachSyllable(name, s -> sb.append(s.charAt(0)));
        return sb.toString();
    }

    /** Whether a query typed in the search box finds this name by pinyin (full or initials) or by characters. */
    public static boolean matches(String name, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        return name.contains(q) || full(name).startsWith(q) || initials(name).startsWith(q);
    }

    /** Whether the query should be read as pinyin (only Latin letters). */
    public static boolean looksLikePinyin(String query) {
        return !query.isEmpty() && query.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private static void forEachSyllable(String name, Consumer<String> sink) {
        if (name == null) {
            return;
        }
        String stripped = name.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            String syllable = syllable(c, i == 0);
            if (syllable != null && !syllable.isEmpty()) {
                sink.accept(syllable);
            }
        }
    }

    private static String syllable(char c, boolean first) {
        if (first && SURNAME_READINGS.containsKey(c)) {
            return SURNAME_READINGS.get(c);
        }
        if (Character.isLetterOrDigit(c) && c < 0x80) {
            return String.valueOf(Character.toLowerCase(c));
        }
        return READINGS.computeIfAbsent(c, Pinyin::reading);
    }

    /** pinyin4j's first reading, or "" for a character without one (a map holds no null). */
    private static String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? "" : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
