package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Migrations 42 and 49: on H2 every identity column hands out 1,000 numbers per write of its high mark, so a batch
 * (the demo, an import) does not store the whole changed file every 32 rows. A table added later without its own
 * H2 migration for this fails here.
 */
class IdentityCachesMigrationTest {

    @Test
    void everyIdentityColumnOnH2CachesAThousandNumbers() throws Exception {
        Assumptions.assumeFalse(TestPostgres.selected(), "PostgreSQL keeps its per-connection default on purpose");
        Path dir = Files.createTempDirectory("huyou-identity");
        try (AppContext ctx = TestHome.open(dir);
                Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                                + "WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'PUBLIC'")) {
            List<String> small = new ArrayList<>();
            int identities = 0;
            while (rs.next()) {
                identities++;
                if (rs.getLong(2) < 1000) {
                    small.add(rs.getString(1) + " (" + rs.getLong(2) + ")");
                }
            }
            assertTrue(identities > 40, "the schema's identity columns were found: " + identities);
            assertEquals(List.of(), small, "identity columns still writing their high mark every few rows");
        }
    }
}
