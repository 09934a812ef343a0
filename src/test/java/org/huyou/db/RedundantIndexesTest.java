package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every index is one more B-tree write of each row saved, so none may repeat another (migrations 50 and 51): an index
 * whose columns are another's, or the leading columns of a longer one, is redundant. The one exception is H2's own:
 * a foreign key needs an index of exactly its columns, so its index may lead a longer one.
 */
class RedundantIndexesTest {

    record Index(String table, String name, boolean plain, boolean ofForeignKey, List<String> columns) {}

    @Test
    void noIndexRepeatsAnotherOnH2() throws Exception {
        Assumptions.assumeFalse(TestPostgres.selected(), "reads H2's information schema");
        Path dir = Files.createTempDirectory("huyou-indexes");
        try (AppContext ctx = TestHome.open(dir);
                Connection c = DirectSql.connect(ctx)) {
            Set<String> foreignKeyIndexes = new HashSet<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                            + "WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    foreignKeyIndexes.add(rs.getString(1));
                }
            }
            Map<String, Index> indexes = new LinkedHashMap<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME "
                                    + "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
                                    + "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
                                    + "WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION")) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    Index index = indexes.get(name);
                    if (index == null) {
                        index = new Index(
                                rs.getString(1),
                                name,
                                "INDEX".equals(rs.getString(3)),
                                foreignKeyIndexes.contains(name),
                                new ArrayList<>());
                        indexes.put(name, index);
                    }
                    index.columns().add(rs.getString(4));
                }
            }
            assertTrue(indexes.size() > 100, "the schema's indexes were read: " + indexes.size());
            List<String> redundant = new ArrayList<>();
            for (Index a : indexes.values()) {
                for (Index b : indexes.values()) {
                    if (a != b && a.plain() && a.table().equals(b.table()) && repeats(a, b)) {
                        redundant.add(a.table() + "." + a.name() + " " + a.columns() + " repeats " + b.name() + " "
                                + b.columns());
                        break;
                    }
                }
            }
            assertEquals(List.of(), redundant, "indexes another index already serves");
        }
    }

    /** Whether b serves every lookup a serves (a plain index: b unique or of a key serves at least as well). */
    private static boolean repeats(Index a, Index b) {
        List<String> lead = b.columns().size() < a.columns().size()
                ? null
                : b.columns().subList(0, a.columns().size());
        if (!a.columns().equals(lead)) {
            return false;
        }
        if (b.columns().size() > a.columns().size()) {
            return !a.ofForeignKey(); // H2 keys its foreign keys to an index of exactly their columns
        }
        if (!b.plain()) {
            return true; // a unique index or the primary key serves it (a foreign key is added again to use it)
        }
        if (a.ofForeignKey() != b.ofForeignKey()) {
            return !a.ofForeignKey(); // the explicit copy of a key's own index goes
        }
        return a.name().compareTo(b.name()) > 0; // two alike: one of them, reported once
    }
}
