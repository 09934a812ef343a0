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

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database openH2(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new UserFacingException(e, "error.dataDirNotWritable", dataDir);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME) + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == 90020) { // database in use by another process
                throw new UserFacingException(e, "error.databaseInUse", dataDir);
            }
            throw new UserFacingException(e, "error.databaseOpen", dataDir);
        }
        Database db = new Database(pool, url);
        db.migrate();
        return db;
    }

    private void migrate() {
        long start = System.nanoTime();
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Schema up to date at {} ({} ms)", url, (System.nanoTime() - start) / 1_000_000);
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
