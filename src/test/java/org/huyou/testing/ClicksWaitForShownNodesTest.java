package org.huyou.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Screen tests click a button found by its text through {@link FxTesting#clickWhenShown}: a dialog's button is in the
 * scene graph a moment before its window shows, and TestFX's plain {@code clickOn("关闭")} then fails ("returned 2
 * nodes, but no nodes were visible"), as it did in CI under load.
 */
class ClicksWaitForShownNodesTest {

    private static final Pattern CLICK_ON_TEXT = Pattern.compile("\\.clickOn\\(\"[^#.\"][^\"]*\"\\)");

    @Test
    void noScreenTestClicksATextBeforeItShows() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            found = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(ClicksWaitForShownNodesTest::clicksOnText)
                    .toList();
        }
        assertEquals(List.of(), found);
    }

    private static Stream<String> clicksOnText(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> CLICK_ON_TEXT.matcher(lines.get(i)).find())
                    .mapToObj(i -> file.getFileName() + ":" + (i + 1) + " "
                            + lines.get(i).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
