package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        ResourceBundle en = Messages.load(Messages.ENGLISH);
        assertEquals(new TreeSet<>(zh.keySet()), new TreeSet<>(en.keySet()));
        assertEquals("护佑", zh.getString("app.title"));
    }

    /** Pickers sort by what they show: Chinese by pinyin (喹 kui among the k's, not last), English alphabetically. */
    @Test
    void choicesSortByPinyinInChineseAndAlphabeticallyInEnglish() {
        try {
            Messages.use(Messages.CHINESE);
            assertEquals(
                    java.util.List.of("阿莫西林", "大环内酯类", "磺胺类", "喹诺酮类", "青霉素类", "头孢菌素类"),
                    Stream.of("青霉素类", "头孢菌素类", "喹诺酮类", "磺胺类", "大环内酯类", "阿莫西林")
                            .sorted(Messages.byText(t -> t))
                            .toList());
            Messages.use(Messages.ENGLISH);
            assertEquals(
                    java.util.List.of("antiviral", "Cephalosporins", "Penicillins"),
                    Stream.of("Penicillins", "antiviral", "Cephalosporins")
                            .sorted(Messages.byText(t -> t))
                            .toList());
        } finally {
            Messages.use(Messages.CHINESE);
        }
    }

    /** A key written twice silently loses its first text (a column header turned into a reminder sentence once). */
    /**
     * A pattern with arguments goes through MessageFormat, where a lone apostrophe starts a quote: "{0}'s inquiry
     * (submitted {1})" showed "杨子涵s inquiry (submitted {1})". Such patterns write it doubled ('').
     */
    @Test
    void patternsWithArgumentsDoubleTheirApostrophes() {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        Pattern argument = Pattern.compile("\\{\\d");
        for (java.util.Locale locale : java.util.List.of(Messages.CHINESE, Messages.ENGLISH)) {
            ResourceBundle bundle = Messages.load(locale);
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertTrue(
                        !argument.matcher(pattern).find()
                                || !lone.matcher(pattern).find(),
                        locale + " " + key + ": " + pattern);
            }
        }
    }

    /**
     * A properties file drops the spaces that start a value: " (est.)" showed as "18th birthday(est.)". A text that
     * must start with a space writes it as a unicode escape.
     */
    @Test
    void noTextStartsWithASpaceThatTheFileWouldDrop() throws IOException {
        for (String file : java.util.List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Set<String> dropped = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/org/huyou/i18n", file))) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#")
                        && eq > 0
                        && line.length() > eq + 1
                        && " \t\f".indexOf(line.charAt(eq + 1)) >= 0) {
                    dropped.add(line.substring(0, eq).strip());
                }
            }
            assertEquals(Set.of(), dropped, file);
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : java.util.List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Set<String> seen = new java.util.HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources/org/huyou/i18n", file))) {
                int eq = line.indexOf('=');
                if (!line.isBlank()
                        && !line.startsWith("#")
                        && eq > 0
                        && !seen.add(line.substring(0, eq).strip())) {
                    twice.add(line.substring(0, eq).strip());
                }
            }
            assertTrue(twice.isEmpty(), () -> file + " defines twice: " + twice);
        }
    }

    /** Every literal key the code asks for exists, so no user ever sees "!key!". */
    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Pattern call = Pattern.compile("Messages\\.t\\(\"([a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    if (!zh.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + f.getFileName());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "missing keys: " + missing);
    }

    /**
     * The English texts that keep Chinese on purpose, each for its reason: the language's own name, the public name an
     * anonymous donor is published under, the legal amount (or goods' value) in Chinese capitals, a Chinese document's name shown in
     * both languages, the Chinese column headers a file may have, and the 转 a phone number's extension is typed after.
     */
    private static final Set<String> CHINESE_IN_ENGLISH = Set.of(
            "settings.language.zh",
            "donor.anonymousPublic",
            "donorNaming.MASKED",
            "donorNaming.ANONYMOUS",
            "receipt.amountUpper",
            "receipt.goodsValueUpper",
            "visit.slipTitle",
            "cli.accounts.badHeader",
            "check.phone");

    /** An English text with Chinese in it is an untranslated one (a button named 从备份恢复 in an English sentence). */
    @Test
    void englishTextsHaveNoChineseBeyondTheAllowList() {
        ResourceBundle en = Messages.load(Messages.ENGLISH);
        Pattern han = Pattern.compile("\\p{IsHan}");
        Set<String> chinese = new TreeSet<>();
        for (String key : en.keySet()) {
            if (han.matcher(en.getString(key)).find() && !CHINESE_IN_ENGLISH.contains(key)) {
                chinese.add(key + "=" + en.getString(key));
            }
        }
        assertTrue(chinese.isEmpty(), () -> "English texts with Chinese in them: " + chinese);
        for (String key : CHINESE_IN_ENGLISH) {
            assertTrue(han.matcher(en.getString(key)).find(), key + " has no Chinese any more: off the allow-list");
        }
    }

    @Test
    void everyCodedValueHasALabel() {
        ResourceBundle zh = Messages.load(Messages.CHINESE);
        // Every enum with a label, found by scanning the classes, so a new one cannot be forgotten here.
        java.util.List<Class<?>> coded = new com.tngtech.archunit.core.importer.ClassFileImporter()
                        .withImportOption(
                                com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.huyou")
                        .stream()
                        .filter(c -> c.isEnum() && c.isAssignableTo(Coded.class))
                        .<Class<?>>map(com.tngtech.archunit.core.domain.JavaClass::reflect)
                        .toList();
        assertTrue(coded.size() > 20, "found " + coded.size());
        for (Class<?> type : coded) {
            for (Object o : type.getEnumConstants()) {
                Coded c = (Coded) o;
                assertTrue(zh.containsKey(c.labelPrefix() + "." + c.name()), c.labelPrefix() + "." + c.name());
            }
        }
    }

    /**
     * Texts are joined in one place: a part that ends with a stop loses it before the sign that follows it, whether
     * a pattern puts the sign after it ("{0}；") or a list joins parts ("甲。" and "乙。" read 甲；乙). Every message
     * of both languages is tried with arguments that end with a stop: none reads "。；" where the message with plain
     * arguments does not.
     */
    @Test
    void joinedTextsNeverDoubleTheirPunctuation() {
        try {
            for (java.util.Locale l : java.util.List.of(Messages.CHINESE, Messages.ENGLISH)) {
                Messages.use(l);
                Pattern doubled = Pattern.compile("[。；，、：.;,:][。；，、：！？.;,:!?]");
                ResourceBundle b = Messages.bundle();
                for (String key : b.keySet()) {
                    String pattern = b.getString(key);
                    if (!pattern.matches("(?s).*\\{\\d}.*") || pattern.matches("(?s).*\\{\\d,.*")) {
                        continue; // only plain arguments: numbers and choices format themselves
                    }
                    Object[] stopped = new Object[10];
                    Object[] plain = new Object[10];
                    for (int i = 0; i < 10; i++) {
                        stopped[i] = l == Messages.CHINESE ? "甲。" : "a.";
                        plain[i] = l == Messages.CHINESE ? "甲" : "a";
                    }
                    String withStops = Messages.t(key, stopped);
                    String without = Messages.t(key, plain);
                    long expected = doubled.matcher(without).results().count();
                    assertEquals(
                            expected,
                            doubled.matcher(withStops).results().count(),
                            key + " in " + l + ": " + withStops);
                }
            }
            Messages.use(Messages.CHINESE);
            assertEquals("依据：按规定安置；市级补助：无", Messages.t("transition.basisLine", "按规定安置。", "无"));
            assertEquals("已租房；在超市工作", Messages.clauses(java.util.List.of("已租房。", "在超市工作。")));
            assertEquals("甲、乙", Messages.list(java.util.List.of("甲；", "乙")));
        } finally {
            Messages.use(Messages.CHINESE);
        }
    }
}
