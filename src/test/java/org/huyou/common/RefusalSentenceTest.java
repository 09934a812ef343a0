package org.huyou.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A refusal's sentence, or null when a rule allows, is said in one place: {@link UserFacingException#why}. */
class RefusalSentenceTest {

    /** The hand-written twin: {@code x == null ? null : x.userMessage()}. */
    static final Pattern BY_HAND =
            Pattern.compile("(\\w+)\\s*==\\s*null\\s*\\?\\s*null\\s*:\\s*\\1\\.userMessage\\(\\)");

    @Test
    void aRefusalGivesItsSentenceAndNoRefusalNone() {
        assertNull(UserFacingException.why(null));
        UserFacingException refused = new UserFacingException("error.notFound");
        assertEquals(refused.userMessage(), UserFacingException.why(refused));
    }

    @Test
    void noViewModelWritesItByHand() throws IOException {
        List<String> byHand = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("UserFacingException.java")) // the one place it is said
                    .toList()) {
                if (BY_HAND.matcher(Files.readString(f, StandardCharsets.UTF_8)).find()) {
                    byHand.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), byHand, "use UserFacingException.why(refusal)");
    }

    @Test
    void theRuleSeesTheTwin() {
        assertEquals(
                true,
                BY_HAND.matcher("return refused == null ? null : refused.userMessage();")
                        .find());
        assertEquals(
                false,
                BY_HAND.matcher("return UserFacingException.why(refused);").find());
    }
}
