package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table column that says who did something (登记人, 用户, 发布人…) shows the person's name (姓名) through the one
 * lookup, {@link Accounts#displayName}, never the login kept in the record ("admin" in a status history). Read from
 * the screens' source, so a history or register added later with a raw login fails here.
 */
class WhoColumnsShowNamesTest {

    /** A column of text and its header's key, up to its value: Columns.text("residents.col.by", e -> …, 100). */
    private static final Pattern COLUMN =
            Pattern.compile("Columns\\.(?:text|wrapped)\\(\\s*\"([\\w.]+)\"\\s*,(.*?),\\s*\\d+\\s*\\)", Pattern.DOTALL);

    /** Header keys naming who: "…by", "…By" (recordedBy, madeBy) and the audit log's user. */
    private static final Pattern WHO = Pattern.compile("(^|\\.)(by|\\w+By|user)$");

    @Test
    void everyWhoColumnShowsTheDisplayName() throws IOException {
        List<String> raw = new ArrayList<>();
        int who = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/huyou"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = COLUMN.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (WHO.matcher(m.group(1)).find()) {
                        who++;
                        if (!m.group(2).contains("Accounts.displayName(")) {
                            raw.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(who >= 10, "the who columns of the histories, registers and the audit log are found: " + who);
        assertEquals(List.of(), raw, "who columns showing the stored login, not the name");
    }
}
