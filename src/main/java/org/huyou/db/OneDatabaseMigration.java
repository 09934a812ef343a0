package org.huyou.db;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration only one kind of database gets (indexes or settings H2 and PostgreSQL spell differently): written in
 * Java so it can ask which database it runs on, and a no-op on the other. Its checksum is its version, so an edit of
 * the statements does not fail the validation of homes that already have it.
 */
abstract class OneDatabaseMigration implements JavaMigration {

    static final String H2 = "H2";
    static final String POSTGRESQL = "PostgreSQL";

    private final int version;
    private final String description;
    private final String product;

    OneDatabaseMigration(int version, String description, String product) {
        this.version = version;
        this.description = description;
        this.product = product;
    }

    /** The statements, on the one kind of database. */
    abstract void apply(Statement st) throws Exception;

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().equals(product)) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            apply(st);
        }
    }
}
