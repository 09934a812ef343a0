package org.huyou.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.huyou.common.UserFacingException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's database: an H2 file in the data folder, migrated by Flyway on open.
 * WRITE_DELAY=0 so that a committed record survives a killed process (the default delay lost rows in a test here).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "huyou";
    static final int CACHE_KB = 64 * 1024;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String url;

    private Database(JdbcConnectionPool pool, String url) {
        this.pool = pool;
        this.url = url;
        Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
        // Thread-bound transactions: repositories share this one DSLContext, and whatever they run inside
        // Transactions.inTransaction joins the transaction without passing a context around.
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.H2);
        configuration.set(settings);
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(pool)));
        this.dsl = DSL.using(configuration);
    }

    /**
     * Opens (creating if needed) the encrypted database in {@code dataDir} with its 256-bit file key, and brings its
     * schema up to date. The key, never a user's password, is the AES file password (H2 derives the file key with
     * only 10 PBKDF2 rounds, so what it is given must already be strong).
     */
    public static Database openH2(Path dataDir, byte[] fileKey) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new UserFacingException(e, "error.dataDirNotWritable", dataDir);
        }
        // TRACE_LEVEL_FILE=0: H2's trace file would otherwise keep failing statements, values and all, in plain text.
        // CACHE_SIZE (KB): H2's default 16 MB page cache no longer holds a large home's register, and every search
        // then reads and decrypts the pages again (seconds per keystroke at 100,000 residents); 64 MB holds it.
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;CACHE_SIZE=" + CACHE_KB;
        String secret = java.util.HexFormat.of().formatHex(fileKey);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", secret + " " + secret);
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == 90020) { // database in use by another process
                throw new UserFacingException(e, "error.databaseInUse", dataDir);
            }
            if (e.getErrorCode() == 90049 || e.getErrorCode() == 28000) { // wrong file key / password
                throw new UserFacingException(e, "error.databaseKey", dataDir);
            }
            throw new UserFacingException(e, "error.databaseOpen", dataDir);
        }
        Database db = new Database(pool, url);
        try {
            db.migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            db.close();
            throw new UserFacingException(e, "error.migrationFailed", dataDir);
        }
        return db;
    }

    /** The highest migration shipped (V{n}__*.sql); a test keeps it equal to the newest file. */
    public static final int LATEST_MIGRATION = 10;

    private void migrate() {
        long start = System.nanoTime();
        if (atLatestMigration()) {
            LOG.info("Schema already at version {} ({} ms)", LATEST_MIGRATION, (System.nanoTime() - start) / 1_000_000);
            return;
        }
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Schema up to date at {} ({} ms)", url, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Whether the schema history already ends with the newest shipped migration, all applied successfully: then the
     * start skips Flyway, whose scan of the class path for migrations costs about a second of every start. Anything
     * else (a new home, an older schema, a newer one, a failed migration) goes through Flyway as before.
     */
    private boolean atLatestMigration() {
        try (Connection c = pool.getConnection();
             var rs = c.createStatement().executeQuery("SELECT MAX(CAST(\"version\" AS INT)), MIN(CAST(\"success\" "
                     + "AS INT)) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == LATEST_MIGRATION && rs.getInt(2) == 1;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Transactions transactions() {
        return new Transactions(dsl);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
