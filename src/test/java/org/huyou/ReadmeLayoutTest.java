package org.huyou;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README's project layout names every package, so a new one cannot be added without saying what it is for. */
class ReadmeLayoutTest {

    @Test
    void theProjectLayoutListsEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String layout = readme.substring(readme.indexOf("## Project layout"));
        layout = layout.substring(0, layout.indexOf("\n## ", 1) < 0 ? layout.length() : layout.indexOf("\n## ", 1));
        Path root = Path.of("src/main/java/org/huyou");
        List<String> missing;
        try (Stream<Path> dirs = Files.walk(root)) {
            String section = layout;
            missing = dirs.filter(Files::isDirectory)
                    .filter(d -> !d.equals(root))
                    .filter(ReadmeLayoutTest::holdsJava)
                    .map(d -> root.relativize(d).toString().replace('/', '.'))
                    .filter(p -> !section.contains("`" + p + "`"))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), missing, "packages README's project layout does not list");
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
