package org.huyou.care.psych;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.huyou.common.Messages;

/**
 * A screening questionnaire defined as data: items on one answer scale, summed to a total and to subscales, with
 * cut-offs. Definitions are files under {@code org/huyou/care/psych/instruments/} listed in {@code index.txt}:
 * <pre>
 * code, name.zh, name.en, respondent (CAREGIVER|SELF|TEACHER), ages (from-to), question.zh/.en, source
 * scale=value|中文|English;...            the answer options
 * item.N=SUBSCALE|中文|English            items in order; SUBSCALE names a subscale or TOTAL
 * subscale.CODE=中文|English|cutoff|RISK   positive at or above the cut-off, suggesting RISK
 * band.N=from-to|中文|English|RISK         bands of the total
 * critical.N=atLeast|中文|English          an answer of at least this on item N suggests HIGH whatever the total
 * </pre>
 */
public record Instrument(
        String code,
        String nameZh,
        String nameEn,
        String respondent,
        int minAge,
        int maxAge,
        String questionZh,
        String questionEn,
        String source,
        List<Option> options,
        List<Item> items,
        List<Subscale> subscales,
        List<Band> bands,
        List<Critical> criticals) {

    private static final String DIR = "/org/huyou/care/psych/instruments/";

    public record Option(int value, String zh, String en) {
        public String label() {
            return localized(zh, en);
        }
    }

    public record Item(int number, String subscale, String zh, String en) {
        public String text() {
            return localized(zh, en);
        }
    }

    public record Subscale(String code, String zh, String en, int cutoff, RiskGrade risk) {
        public String label() {
            return localized(zh, en);
        }
    }

    public record Band(int from, int to, String zh, String en, RiskGrade risk) {
        public String label() {
            return localized(zh, en);
        }
    }

    public record Critical(int item, int atLeast, String zh, String en) {
        public String label() {
            return localized(zh, en);
        }
    }

    /** What the answers come to: total, subscale scores, the band, flags and the risk they suggest. */
    public record Result(
            int total,
            Map<String, Integer> subscaleScores,
            List<Subscale> positive,
            Band band,
            List<Critical> critical,
            RiskGrade suggested) {

        /** One line for lists and the timeline, in the user's language. */
        public String summary() {
            List<String> parts = new ArrayList<>();
            parts.add(Messages.t("psych.total", total) + (band != null ? " " + band.label() : ""));
            positive.forEach(
                    p -> parts.add(Messages.t("psych.subscalePositive", p.label(), subscaleScores.get(p.code()))));
            critical.forEach(c -> parts.add(c.label()));
            return Messages.clauses(parts);
        }

        /** A compact, language-neutral record of the result, kept beside the answers. */
        public String code() {
            StringBuilder s = new StringBuilder("total=" + total);
            subscaleScores.forEach((k, v) -> s.append(';')
                    .append(k)
                    .append('=')
                    .append(v)
                    .append(positive.stream().anyMatch(p -> p.code().equals(k)) ? "+" : ""));
            critical.forEach(c -> s.append(";critical=").append(c.item()));
            return s.toString();
        }
    }

    public String name() {
        return localized(nameZh, nameEn);
    }

    public String question() {
        return localized(questionZh, questionEn);
    }

    public int maxAnswer() {
        return options.stream().mapToInt(Option::value).max().orElse(0);
    }

    /** Scores one completed questionnaire: one answer per item, in item order, each a value of the scale. */
    public Result score(List<Integer> answers) {
        if (answers.size() != items.size()) {
            throw new IllegalArgumentException(code + " has " + items.size() + " items, got " + answers.size());
        }
        int total = 0;
        Map<String, Integer> sub = new LinkedHashMap<>();
        subscales.forEach(s -> sub.put(s.code(), 0));
        for (int i = 0; i < items.size(); i++) {
            int a = answers.get(i);
            if (options.stream().noneMatch(o -> o.value() == a)) {
                throw new IllegalArgumentException(code + " item " + (i + 1) + ": no answer " + a);
            }
            total += a;
            sub.computeIfPresent(items.get(i).subscale(), (k, v) -> v + a);
        }
        List<Subscale> positive =
                subscales.stream().filter(s -> sub.get(s.code()) >= s.cutoff()).toList();
        int t = total;
        Band band = bands.stream()
                .filter(b -> t >= b.from() && t <= b.to())
                .findFirst()
                .orElse(null);
        List<Critical> hit = criticals.stream()
                .filter(c -> answers.get(c.item() - 1) >= c.atLeast())
                .toList();
        RiskGrade risk = band == null ? RiskGrade.LOW : band.risk();
        for (Subscale p : positive) {
            risk = RiskGrade.higher(risk, p.risk());
        }
        if (!hit.isEmpty()) {
            risk = RiskGrade.HIGH;
        }
        return new Result(total, sub, positive, band, hit, risk);
    }

    /** The instruments shipped with the app, in the order of the index. */
    public static List<Instrument> shipped() {
        List<Instrument> out = new ArrayList<>();
        for (String code : read(DIR + "index.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            out.add(load(code));
        }
        return List.copyOf(out);
    }

    static Instrument load(String code) {
        Properties p = new Properties();
        try (InputStream in = Instrument.class.getResourceAsStream(DIR + code + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("no instrument definition " + code);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Option> options = new ArrayList<>();
        for (String o : p.getProperty("scale").split(";")) {
            String[] f = o.split("\\|");
            options.add(new Option(Integer.parseInt(f[0].strip()), f[1], f[2]));
        }
        List<Item> items = new ArrayList<>();
        List<Subscale> subscales = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        List<Critical> criticals = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            String[] f = p.getProperty(key).split("\\|");
            String suffix = key.substring(key.indexOf('.') + 1);
            if (key.startsWith("item.")) {
                items.add(new Item(Integer.parseInt(suffix), f[0], f[1], f[2]));
            } else if (key.startsWith("subscale.")) {
                subscales.add(new Subscale(suffix, f[0], f[1], Integer.parseInt(f[2]), RiskGrade.valueOf(f[3])));
            } else if (key.startsWith("band.")) {
                String[] range = f[0].split("-");
                bands.add(new Band(
                        Integer.parseInt(range[0]), Integer.parseInt(range[1]), f[1], f[2], RiskGrade.valueOf(f[3])));
            } else if (key.startsWith("critical.")) {
                criticals.add(new Critical(Integer.parseInt(suffix), Integer.parseInt(f[0]), f[1], f[2]));
            }
        }
        items.sort(Comparator.comparingInt(Item::number));
        subscales.sort(Comparator.comparing(Subscale::code));
        bands.sort(Comparator.comparingInt(Band::from));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() != i + 1) {
                throw new IllegalStateException(code + ": items must be numbered 1.." + items.size());
            }
        }
        String[] ages = p.getProperty("ages").split("-");
        return new Instrument(
                p.getProperty("code"),
                p.getProperty("name.zh"),
                p.getProperty("name.en"),
                p.getProperty("respondent"),
                Integer.parseInt(ages[0]),
                Integer.parseInt(ages[1]),
                p.getProperty("question.zh"),
                p.getProperty("question.en"),
                p.getProperty("source"),
                List.copyOf(options),
                List.copyOf(items),
                List.copyOf(subscales),
                List.copyOf(bands),
                List.copyOf(criticals));
    }

    private static String read(String path) {
        try (InputStream in = Instrument.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String localized(String zh, String en) {
        return Messages.locale().getLanguage().equals(Locale.CHINESE.getLanguage()) ? zh : en;
    }
}
