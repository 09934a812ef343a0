package org.huyou.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PrivateFiles;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.postgresql.ds.PGConnectionPoolDataSource;
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
        return openH2(dataDir, fileKey, false);
    }

    /**
     * Opens the existing database of a home: a missing file is refused, never replaced by a new empty database (a
     * keyring beside no database is a home whose data is gone, to restore from a backup).
     */
    public static Database openExistingH2(Path dataDir, byte[] fileKey) {
        if (!Files.exists(dataDir.resolve(FILE_NAME + ".mv.db"))) {
            throw new UserFacingException("home.databaseMissing", dataDir);
        }
        return openH2(dataDir, fileKey, true);
    }

    private static Database openH2(Path dataDir, byte[] fileKey, boolean mustExist) {
        try {
            PrivateFiles.createFolder(dataDir);
        } catch (IOException e) {
            throw new UserFacingException(e, "error.dataDirNotWritable", dataDir);
        }
        // CACHE_SIZE (KB): H2's default 16 MB page cache no longer holds a large home's register, and every search
        // then reads and decrypts the pages again (seconds per keystroke at 100,000 residents); 64 MB holds it.
        String url = h2Url(dataDir) + ";CACHE_SIZE=" + CACHE_KB + (mustExist ? ";IFEXISTS=TRUE" : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", h2Password(fileKey));
        pool.setMaxConnections(8);
        try (Connection c = pool.getConnection()) {
            c.isValid(2);
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == 90020) { // database in use by another process
                throw new UserFacingException(e, "error.databaseInUse", dataDir);
            }
            if (e.getErrorCode() == 90146) { // IFEXISTS: the file went between the check and the open
                throw new UserFacingException(e, "home.databaseMissing", dataDir);
            }
            if (e.getErrorCode() == 90049 || e.getErrorCode() == 28000) { // wrong file key / password
                throw new UserFacingException(e, "error.databaseKey", dataDir);
            }
            throw new UserFacingException(e, "error.databaseOpen", dataDir);
        }
        Database db = new Database(pool, url, SQLDialect.H2);
        db.migrateOrClose(dataDir);
        return db;
    }

    /**
     * The URL of the home's encrypted H2 file in {@code dataDir}, opened with {@link #h2Password}. TRACE_LEVEL_FILE=0:
     * H2's trace file would otherwise keep failing statements, values and all, in plain text.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(FILE_NAME)
                + ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }

    /** H2's file password and its own login, both derived from the file key (whoever has the one has the other). */
    public static String h2Password(byte[] fileKey) {
        String secret = HexFormat.of().formatHex(fileKey);
        return secret + " " + secret;
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
        } catch (FlywayException e) {
            close();
            throw new UserFacingException(e, "error.migrationFailed", where);
        }
    }

    /**
     * The highest migration shipped: the newest V{n}__*.sql or {@link #JAVA_MIGRATION} (a test keeps it so).
     */
    public static final int LATEST_MIGRATION = 64;
    /** The version of the newest migration written in Java (database-specific: indexes, H2's write settings). */
    public static final int JAVA_MIGRATION = SharedForeignKeyIndexes.VERSION;

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
        migrations().dataSource(pool).load().migrate();
        LOG.info("Schema up to date at {} ({} ms)", url, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The migrations as a home gets them: the SQL files, those in Java, and the pinyin of the donors registered
     * before migration 39, filled in its transaction.
     */
    static FluentConfiguration migrations() {
        return Flyway.configure()
                .locations("classpath:db/migration")
                .javaMigrations(
                        new SearchKeyPrefixIndex(),
                        new BulkWriteSettings(),
                        new SearchKeyLookupIndex(),
                        new IdentityCaches(),
                        new SharedForeignKeyIndexes())
                .callbacks(new DonorNameKeys());
    }

    /**
     * The newest migration the schema history holds, when all were applied successfully (else -1, as for a new
     * home). At the newest shipped one the start skips Flyway, whose scan of the class path for migrations costs
     * about a second of every start; an older schema, a new home or a failed migration go through Flyway.
     */
    private int appliedVersion() {
        try (Connection c = pool.getConnection();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT MAX(CAST(\"version\" AS INT)), MIN(CASE WHEN "
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
        return new Transactions(dsl, isEmbedded() ? this::spareConnections : () -> {});
    }

    /**
     * Opens the pool's connections, all but one, and gives them back idle. While an import holds H2 exclusively
     * ({@link Transactions#inChunks}), another thread's statement on an open connection waits until it is done, but
     * H2 refuses to open a new one (90135), and the screen that asked would fail instead of waiting.
     */
    private void spareConnections() {
        List<Connection> opened = new ArrayList<>();
        try {
            while (pool.getActiveConnections() < pool.getMaxConnections() - 1) {
                opened.add(pool.getConnection());
            }
        } catch (SQLException e) {
            LOG.warn("Could not open spare connections before an import: {}", e.getMessage());
        } finally {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.warn("Could not give back a spare connection: {}", e.getMessage());
                }
            }
        }
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
     * Writes a consistent copy of the open H2 file to {@code out}, its pages still encrypted with the file key. H2
     * copies it (its space is not reused meanwhile, so the copy ends at a whole commit, and it reads through its own
     * handle, which Windows requires of a locked file) as an entry of a zip, whose bytes are taken as they are: the
     * JDK deflates and inflates even an uncompressed entry in small blocks (3.5 s to read one of 1 GB back).
     */
    public void copyFileTo(OutputStream out) throws SQLException, IOException {
        if (!isEmbedded()) {
            throw new IllegalStateException("only an embedded database has a file to copy");
        }
        try (Connection c = pool.getConnection()) {
            org.h2.engine.Database h2 =
                    ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase();
            h2.getStore().flush();
            h2.flush();
            synchronized (h2.getLobSyncObject()) {
                try (EntryBytes entry = new EntryBytes(out)) {
                    h2.getStore().getMvStore().getFileStore().backup(entry);
                }
            }
        }
    }

    /** The one entry H2's backup writes, passed through as plain bytes: no zip headers, no deflating. */
    private static final class EntryBytes extends ZipOutputStream {
        private final OutputStream out;

        EntryBytes(OutputStream out) {
            super(OutputStream.nullOutputStream());
            this.out = out;
        }

        @Override
        public void putNextEntry(ZipEntry e) throws IOException {
            if (!e.getName().equals(FILE_NAME + ".mv.db")) {
                throw new IOException("H2 copied " + e.getName());
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void closeEntry() {}

        @Override
        public void close() {
            def.end(); // the zip's deflater, never used
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
