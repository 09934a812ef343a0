package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A list with a search box or filters says "none match" when they find nothing, not "none yet" ("暂无志愿者" under a
 * search that found nobody read as if there were none). Read from the sources: a screen that makes a search box
 * ({@code InlineForms.searchBox}) or marks a filter ({@code TypedInput.notInput}) sets its list's empty sentence
 * through {@link EmptyList}, or is listed here with the way it does so.
 */
class FilteredListsSayNoneMatchTest {

    /** Screens that tell the two apart their own way. */
    private static final Map<String, String> OWN_WAY = Map.of(
            "residents/ui/ResidentsModule.java",
                    "the list's placeholder is bound to its ViewModel's (residents.noMatch)",
            "care/ui/RemindersModule.java", "its empty line follows the filter (reminders.noneMatch)",
            "donations/ui/DonationsModule.java", "its only notInput is the check-code field, no list filter",
            "donations/ui/DisclosureTab.java", "its only notInput is the output folder, no list filter",
            "donations/ui/DonorPicker.java",
                    "a picker: its list's placeholder says what the text finds (donor.noMatch)",
            "shell/ScreenWarmUp.java",
                    "builds the register's controls once while the login is typed, in a scene no window shows");

    @Test
    void everyListWithASearchOrFilterSaysWhenNoneMatch() throws IOException {
        Path root = Path.of("src/main/java/org/huyou");
        List<String> missing = new ArrayList<>();
        int searched = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (name.startsWith("common/ui/")) {
                    continue; // the helpers themselves
                }
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (!text.contains("searchBox(") && !text.contains("notInput(")) {
                    continue;
                }
                searched++;
                if (!text.contains("EmptyList.follow(") && !OWN_WAY.containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        assertTrue(searched >= 7, "the screens with a search or filter are found: " + searched);
        assertEquals(List.of(), missing, "lists with a search or filter whose empty sentence ignores it");
    }
}
