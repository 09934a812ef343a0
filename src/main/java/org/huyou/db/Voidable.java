package org.huyou.db;

import java.util.Objects;

/**
 * A table's rows to void, as a repository hands them to a service: the audit log's name for them and the statement
 * that marks one. Made only by {@link Voiding#voidable} from the generated table, so the name the audit log writes
 * is the table's own and no service spells it.
 */
public final class Voidable {

    /** Marks a row void (false when it was already void or does not exist). */
    @FunctionalInterface
    interface Statement {
        boolean voidRow(long id, String reason);
    }

    private final String auditName;
    private final Statement statement;

    Voidable(String auditName, Statement statement) {
        this.auditName = Objects.requireNonNull(auditName, "auditName");
        this.statement = Objects.requireNonNull(statement, "statement");
    }

    /** The name the audit log gives these rows: their table's, as the migrations spell it. */
    public String auditName() {
        return auditName;
    }

    /** True when the row was marked now; false when it does not exist or was already void. */
    public boolean voidRow(long id, String reason) {
        return statement.voidRow(id, reason);
    }
}
