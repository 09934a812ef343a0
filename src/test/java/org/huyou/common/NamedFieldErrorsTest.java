package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refusal names its field: "应在 30 到 230 之间。" alone in the error dialog did not say which of three numbers was
 * wrong. {@link Checks} words every sentence with the field's label, so the sentences it owns ({@code check.required},
 * {@code check.tooLong}, {@code check.range}, {@code check.future} …) are made by it alone, and the bare keys that
 * named no field ({@code validation.required}, {@code validation.tooLong}, {@code validation.range},
 * {@code validation.dateInFuture}) are gone from the bundles (issue 30). A hand-built error with either fails here.
 */
class NamedFieldErrorsTest {

    /** A bare key, or one of the sentences Checks words with the field's label, written outside Checks. */
    private static final Pattern BY_HAND = Pattern.compile("\"(validation\\.(?:required|tooLong|range|dateInFuture)"
            + "|check\\.(?:required|tooLong|range|future|past|before|dateRequired|timeRequired|phone))\"");

    @Test
    void noErrorIsBuiltByHandWithABareKeyOrOneOfChecksSentences() throws Exception {
        Path root = Path.of("src", "main", "java", "org", "huyou");
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (name.equals("common/Checks.java")) {
                    continue;
                }
                Matcher m = BY_HAND.matcher(Files.readString(f));
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > 0) {
                    found.put(name, n);
                }
            }
        }
        assertEquals(
                Map.of(), found, "use Checks (its sentences name the field) instead of building the error by hand");
    }

    @Test
    void theBareKeysAreGoneFromBothBundles() throws Exception {
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            String text = Files.readString(Path.of("src", "main", "resources", "org", "huyou", "i18n", bundle));
            for (String key : new String[] {
                "validation.required", "validation.tooLong", "validation.range", "validation.dateInFuture"
            }) {
                assertTrue(!text.contains("\n" + key + "="), () -> key + " is back in " + bundle);
            }
        }
    }

    @Test
    void aRefusalSaysWhichFieldInBothLanguages() {
        try {
            for (Locale locale : new Locale[] {Messages.CHINESE, Messages.ENGLISH}) {
                Messages.use(locale);
                Checks checks = new Checks(LocalDate.of(2026, 11, 23));
                checks.notAfterToday("date", "growth.date", LocalDate.of(2026, 11, 24));
                checks.required("shift", "daily.shift", (Object) null);
                checks.notBeforeToday("graduation", "transition.graduation", LocalDate.of(2026, 11, 22));
                checks.notBefore(
                        "leftOn",
                        "transition.leftOn",
                        LocalDate.of(2012, 2, 29),
                        "field.admissionDate",
                        LocalDate.of(2012, 3, 1));
                assertEquals(4, checks.errors().size());
                for (FieldError e : checks.errors()) {
                    String label = e.args()[0].toString();
                    assertTrue(e.message().startsWith(label), e::message);
                }
            }
        } finally {
            Messages.use(Messages.CHINESE);
        }
    }
}
