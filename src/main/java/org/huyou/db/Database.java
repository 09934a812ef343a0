package org.huyou.db;

import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.FileStore;
import org.huyou.common.UserFacingException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's database, migrated by Flyway on open: an encrypted H2 file in the data folder (the default), or a
 * PostgreSQL server shared by several office PCs. Both run the same migrations and the same jOOQ code; what differs
 * between the two is kept in this class (connection, errors, names) and {@link PostgresDialect} (two column types).
 * H2 runs with WRITE_DELAY=0 so that a committed record survives a killed process (the default delay lost rows in a
 * test here).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    public static final String FILE_NAME = "huyou";
    static final int CACHE_KB = 64 * 1024;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String url;
    private String account;
    private Path file;
    private EncryptedFiles.Unlocked unlocked;
    private final SQLDialect dialect;

    private Database(JdbcConnectionPool pool, String url, SQLDialect dialect) {
        this.pool = pool;
        this.url = url;
        this.dialect = dialect;
        Settings settings = settings(dialect);
        // Thread-bound transactions: repositories share this one DSLContext, and whatever they run inside
        // Transactions.inTransaction joins the transaction without passing a context around.
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(dialect);
        configuration.set(settings);
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(pool)));
        this.dsl = DSL.using(configuration);
    }

    static Settings settings(SQLDialect dialect) {
        Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
        if (dialect == SQLDialect.POSTGRES) {
            // The generated names are H2's upper case; unquoted, PostgreSQL folds them to the lower case its
            // migrations created.
            settings.setRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        }
        return settings;
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
        // CACHE_SIZE (KB): H2's default 16 MB page cache no longer holds a large home's register, and every search
        // then reads and decrypts the pages again (seconds per keystroke at 100,000 residents); 64 MB holds it.
        String url = h2Url(dataDir) + ";CACHE_SIZE=" + CACHE_KB;
        EncryptedFiles.Unlocked unlocked = EncryptedFiles.unlock(dataDir, fileKey);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", h2Password(fileKey));
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            pool.dispose();
            unlocked.close();
            if (e.getErrorCode() == 90020) { // database in use by another process
                throw new UserFacingException(e, "error.databaseInUse", dataDir);
            }
            if (e.getErrorCode() == 28000 || !EncryptedFiles.opensWith(dataDir.resolve(FILE_NAME + ".mv.db"), fileKey)) {
                throw new UserFacingException(e, "error.databaseKey", dataDir);
            }
            throw new UserFacingException(e, "error.databaseOpen", dataDir);
        }
        Database db = new Database(pool, url, SQLDialect.H2);
        db.file = dataDir.resolve(FILE_NAME + ".mv.db");
        db.unlocked = unlocked;
        db.migrateOrClose(dataDir);
        return db;
    }

    /**
     * The URL of the home's H2 file in {@code dataDir}, opened with {@link #h2Password} while the folder is
     * {@linkplain EncryptedFiles#unlock unlocked}. TRACE_LEVEL_FILE=0: H2's trace file would otherwise keep failing
     * statements, values and all.
     */
    public static String h2Url(Path dataDir) {
        return EncryptedFiles.url(dataDir, FILE_NAME) + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }

    /** H2's own login to the home's file: derived from the file key, so whoever has the one has the other. */
    public static String h2Password(byte[] fileKey) {
        return java.util.HexFormat.of().formatHex(fileKey);
    }

    /**
     * Opens the home's database on a PostgreSQL server and brings its schema up to date. The server's own login
     * (user and password) is a service account set up once per PC; the staff's accounts are rows in the database.
     */
    public static Database openPostgres(ServerAddress address, String user, char[] password) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {address.host()});
        source.setPortNumbers(new int[] {address.port()});
        source.setDatabaseName(address.database());
        source.setUser(user);
        source.setPassword(new String(password));
        source.setApplicationName("huyou");
        source.setCurrentSchema(PostgresDialect.SEARCH_PATH);
        source.setConnectTimeout(5);
        source.setSocketTimeout(0);
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(8);
        pool.setLoginTimeout(10);
        try (Connection c = pool.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw PostgresDialect.openFailure(e, address, user);
        }
        Database db = new Database(pool, address.jdbcUrl(), SQLDialect.POSTGRES);
        db.account = user;
        try {
            PostgresDialect.prepare(db.dataSource());
        } catch (SQLException e) {
            db.close();
            throw new UserFacingException(e, "error.databaseOpen", address);
        }
        db.migrateOrClose(address);
        return db;
    }

    private void migrateOrClose(Object where) {
        try {
            migrate();
        } catch (UserFacingException e) {
            close();
            throw e;
        } catch (org.flywaydb.core.api.FlywayException e) {
            close();
            throw new UserFacingException(e, "error.migrationFailed", where);
        }
    }

    /**
     * The highest migration shipped: the newest V{n}__*.sql or {@link #JAVA_MIGRATION} (a test keeps it so).
     */
    public static final int LATEST_MIGRATION = 13;
    /** The version of the one migration written in Java (a database-specific index). */
    public static final int JAVA_MIGRATION = SearchKeyPrefixIndex.VERSION;

    private void migrate() {
        long start = System.nanoTime();
        int applied = appliedVersion();
        if (applied > LATEST_MIGRATION) {
            // Another PC (or a later installation) already runs a newer Huyou on this database: this one must not
            // write to a schema it does not know.
            throw new UserFacingException("error.schemaNewer", applied, LATEST_MIGRATION);
        }
        if (applied == LATEST_MIGRATION) {
            LOG.info("Schema already at version {} ({} ms)", LATEST_MIGRATION, (System.nanoTime() - start) / 1_000_000);
            return;
        }
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .javaMigrations(new SearchKeyPrefixIndex())
                .load()
                .migrate();
        LOG.info("Schema up to date at {} ({} ms)", url, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The newest migration the schema history holds, when all were applied successfully (else -1, as for a new
     * home). At the newest shipped one the start skips Flyway, whose scan of the class path for migrations costs
     * about a second of every start; an older schema, a new home or a failed migration go through Flyway.
     */
    private int appliedVersion() {
        try (Connection c = pool.getConnection();
             var rs = c.createStatement().executeQuery("SELECT MAX(CAST(\"version\" AS INT)), MIN(CASE WHEN "
                     + "\"success\" THEN 1 ELSE 0 END) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            return rs.next() && rs.getInt(2) == 1 ? rs.getInt(1) : -1;
        } catch (SQLException noHistoryYet) {
            return -1;
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

    /** The server account this PC logs in with; null for the embedded database. */
    public String account() {
        return account;
    }

    public boolean isEmbedded() {
        return dialect == SQLDialect.H2;
    }

    /**
     * Writes a consistent copy of the open H2 file to {@code out}, still encrypted with the file key: its length (a
     * long) and then that many bytes. The way H2's {@code BACKUP TO} copies a file (its space is not reused while it
     * is copied, so the copy ends at a whole commit), without H2's zip, which deflates the encrypted pages that do not
     * compress: 24 s for a 1 GB file where the copy itself takes 2.
     */
    public void copyFileTo(DataOutputStream out) throws SQLException, java.io.IOException {
        if (!isEmbedded()) {
            throw new IllegalStateException("only an embedded database has a file to copy");
        }
        try (Connection c = pool.getConnection()) {
            org.h2.engine.Database h2 = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase();
            h2.getStore().flush();
            h2.flush();
            synchronized (h2.getLobSyncObject()) {
                FileStore<?> store = h2.getStore().getMvStore().getFileStore();
                boolean reused = store.isSpaceReused();
                store.setReuseSpace(false);
                try {
                    copyStoredBytes(out);
                } finally {
                    store.setReuseSpace(reused);
                }
            }
        }
    }

    /** The file as stored, up to its length when the copy begins (anything after that is not yet committed). */
    private void copyStoredBytes(DataOutputStream out) throws java.io.IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = in.size();
            out.writeLong(length);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < length; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), length - at));
                int n = in.read(buffer, at);
                if (n < 0) {
                    throw new java.io.EOFException(file + " shrank while it was copied");
                }
                out.write(buffer.array(), 0, n);
                at += n;
            }
        }
    }

    @Override
    public void close() {
        pool.dispose();
        if (unlocked != null) {
            unlocked.close();
        }
    }
}
