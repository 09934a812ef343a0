package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.db.Database;
import org.junit.jupiter.api.Test;

/** A start skips Flyway when the schema is at {@link Database#LATEST_MIGRATION}: it must name the newest migration. */
class LatestMigrationTest {

    @Test
    void theLatestMigrationConstantNamesTheNewestMigrationFile() throws Exception {
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest = 0;
        try (var files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    newest = Math.max(newest, Integer.parseInt(m.group(1)));
                }
            }
        }
        assertEquals(Math.max(newest, Database.JAVA_MIGRATION), Database.LATEST_MIGRATION);
    }
}
