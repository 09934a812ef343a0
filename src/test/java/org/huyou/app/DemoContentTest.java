package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.huyou.residents.demo.DemoHome;
import org.huyou.security.SealedKey;
import org.huyou.security.SealedText;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo home is the same data however it is written (issue 31 made its load fast): every table's row count and a
 * checksum over its rows (every column; large objects by content, sealed texts opened), compared with
 * {@code demo-content.txt}, made from the demo as it was written before (row by row through the repositories). A
 * deliberate change of the demo's data rewrites the file: {@code -Ddemo.content.write=src/test/resources/...}.
 */
@Tag("embedded-only") // the figures are H2's (its ids, its texts of dates and numbers)
class DemoContentTest {

    private static final String EXPECTED = "demo-content.txt";

    /** Sealed texts carry a random nonce, so they are compared opened (with the field each was sealed for). */
    private static final Map<String, String> SEALED_COLUMNS = Map.of(
            "incident.description", SealedKey.INCIDENT_DESCRIPTION,
            "incident.action_taken", SealedKey.INCIDENT_ACTION,
            "counselling_session.note", SealedKey.COUNSELLING_NOTE);

    /** The migrations' own record: when and how long each ran. */
    private static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history");

    @TempDir
    Path dir;

    @Test
    void theDemoHomeIsTheSameDataAsBefore() throws Exception {
        Map<String, String> actual;
        try (AppContext ctx = TestHome.open(dir)) {
            Map<String, List<String>> before = rows(ctx);
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED);
            actual = added(before, rows(ctx));
        }
        String written = System.getProperty("demo.content.write", "");
        if (!written.isBlank()) {
            Files.writeString(Path.of(written), render(actual), StandardCharsets.UTF_8);
        }
        String expected = expected();
        assertTrue(actual.size() > 40, "the home's tables were read: " + actual.keySet());
        assertEquals(expected, render(actual));
    }

    private static String render(Map<String, String> content) {
        StringBuilder s = new StringBuilder();
        content.forEach(
                (table, line) -> s.append(table).append(' ').append(line).append('\n'));
        return s.toString();
    }

    private static String expected() throws IOException {
        try (InputStream in = DemoContentTest.class.getResourceAsStream(EXPECTED)) {
            if (in == null) {
                throw new IllegalStateException(EXPECTED + " is missing: write it with -Ddemo.content.write");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A column's value as text: large objects by their content (not their handle), sealed texts opened. */
    private static String value(AppContext ctx, ResultSet rs, int i, int type, String column) throws Exception {
        if (type == Types.BLOB || type == Types.VARBINARY || type == Types.BINARY) {
            byte[] b = rs.getBytes(i);
            return b == null ? "null" : HexFormat.of().formatHex(b);
        }
        if (type == Types.CLOB || type == Types.NCLOB) {
            return String.valueOf(rs.getString(i));
        }
        String field = SEALED_COLUMNS.get(column);
        if (field != null) {
            String stored = rs.getString(i);
            assertTrue(stored == null || SealedText.isSealed(stored), column + " is sealed");
            assertTrue(ctx.sealedKey().isOpen(), "the administrator holds the sealed key");
            return String.valueOf(ctx.sealedKey().read(field, stored));
        }
        return String.valueOf(rs.getObject(i));
    }

    /**
     * Per table: what the load added or changed (the rows after it less the rows before it, each row's text once per
     * copy), counted and hashed in sorted order (so the order rows come in is no part). The home's set-up rows are
     * left out: they carry the moment and the salts of the set-up, which differ from one test run to the next.
     */
    static Map<String, String> added(Map<String, List<String>> before, Map<String, List<String>> after)
            throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (var table : after.entrySet()) {
            List<String> rows = new ArrayList<>(table.getValue());
            for (String old : before.getOrDefault(table.getKey(), List.of())) {
                rows.remove(old);
            }
            rows.sort(null);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            out.put(table.getKey(), rows.size() + " " + HexFormat.of().formatHex(sha.digest()));
        }
        return out;
    }

    /** Every row of every table of the home as text, by table. */
    static Map<String, List<String>> rows(AppContext ctx) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DirectSql.connect(ctx);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                if (SKIPPED_TABLES.contains(name)) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                // the name comes from the database's own catalogue, not from a user
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String column = name + "." + md.getColumnName(i).toLowerCase(Locale.ROOT);
                            row.append(value(ctx, rs, i, md.getColumnType(i), column))
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(name, rows);
            }
        }
        return out;
    }
}
