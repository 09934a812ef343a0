package org.huyou.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;

/**
 * Runs the statements of a file (separated by lines of {@code ;;}) on a generated home, each timed twice, and prints
 * the first row or H2's plan: for finding a slow query by hand. {@code java -cp ... SqlProbe <home> <file>}.
 */
final class SqlProbe {

    private SqlProbe() {}

    public static void main(String[] args) throws Exception {
        String[] statements = Files.readString(Path.of(args[1])).split("\n;;\n");
        try (AppContext ctx = BenchHomes.open(Path.of(args[0]), BenchHomes.DIRECTOR);
                Connection c = DirectSql.connect(ctx);
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                if (sql.isBlank()) {
                    continue;
                }
                System.out.println("---- " + sql.strip());
                if (!sql.strip().startsWith("SELECT") && !sql.strip().startsWith("EXPLAIN")) {
                    long t = System.nanoTime();
                    st.execute(sql);
                    System.out.printf("%d ms%n", (System.nanoTime() - t) / 1_000_000);
                    continue;
                }
                for (int i = 0; i < 2; i++) {
                    long t = System.nanoTime();
                    int rows = 0;
                    StringBuilder first = new StringBuilder();
                    try (ResultSet rs = st.executeQuery(sql)) {
                        while (rs.next()) {
                            if (rows++ < 3 || sql.startsWith("EXPLAIN")) {
                                for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                                    first.append(rs.getString(col)).append(' ');
                                }
                                first.append('\n');
                            }
                        }
                    } catch (Exception e) {
                        first.append(e.getMessage());
                    }
                    System.out.printf("%d ms, %d rows%n", (System.nanoTime() - t) / 1_000_000, rows);
                    if (i == 0) {
                        System.out.println(first);
                    }
                }
            }
        }
    }
}
