package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A refusal names its field: "应在 30 到 230 之间。" alone in the error dialog did not say which of three numbers was
 * wrong. {@link Checks} words every sentence with the field's label; a {@link FieldError} built by hand with one of the
 * bare keys ({@code validation.required}, {@code validation.tooLong}, {@code validation.range}) does not. This keeps
 * the ones left from growing: a new one fails here, and a file that loses its last one must leave the list.
 */
class NamedFieldErrorsTest {

    /** Files still building bare-key errors by hand, and how many (issue 30: to move to Checks). */
    private static final Map<String, Integer> LEFT = Map.of(
            "care/daily/DailyCareService.java", 1,
            "common/OverrideReasons.java", 1,
            "residents/ResidentService.java", 4,
            "residents/ResidentValidator.java", 3,
            "security/AccountService.java", 1);

    private static final Pattern BARE =
            Pattern.compile("new FieldError\\([^,]*,\\s*\"validation\\.(required|tooLong|range)\"");

    @Test
    void noNewHandBuiltErrorWithoutItsFieldsName() throws Exception {
        Path root = Path.of("src", "main", "java", "org", "huyou");
        Map<String, Integer> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = BARE.matcher(Files.readString(f));
                int n = 0;
                while (m.find()) {
                    n++;
                }
                if (n > 0) {
                    found.put(root.relativize(f).toString().replace('\\', '/'), n);
                }
            }
        }
        Map<String, Integer> left = new TreeMap<>(LEFT);
        left.values().removeIf(n -> n == 0);
        assertEquals(left, found, "use Checks (its sentences name the field) instead of a bare key");
    }
}
