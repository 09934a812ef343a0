package org.huyou.care;

import java.util.List;
import java.util.function.Function;
import org.huyou.common.FieldError;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/** The one way a care record is corrected: voided with a reason, in one transaction with its audit row. */
public final class Corrections {

    private Corrections() {}

    /** Marks a row void (false when it was already void or does not exist). */
    @FunctionalInterface
    public interface VoidStatement {
        boolean voidRow(long id, String reason);
    }

    /** A table's rows to void: the audit log's name for them and the statement that marks one. */
    public record Voidable(String table, VoidStatement statement) {}

    /** Voids a row of a table a repository hands over, so that no service spells the table's name. */
    public static void voidEntry(Transactions tx, AuditLog audit, Voidable rows, long id, String reason) {
        voidEntry(tx, audit, rows.table(), id, reason, rows.statement());
    }

    public static void voidEntry(
            Transactions tx, AuditLog audit, String table, long id, String reason, VoidStatement statement) {
        voidEntry(tx, audit, table, id, reason, statement, why -> AuditSummary.of("auditSummary.voided", why));
    }

    /** As above, audited with a summary of its own made from the stripped reason (a replaced document names itself). */
    public static void voidEntry(
            Transactions tx,
            AuditLog audit,
            String table,
            long id,
            String reason,
            VoidStatement statement,
            Function<String, AuditSummary> summary) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(new FieldError("reason", "validation.voidReasonRequired")));
        }
        String why = reason.strip();
        tx.inTransaction(() -> {
            if (!statement.voidRow(id, why)) {
                throw new UserFacingException("error.alreadyVoided");
            }
            audit.record(AuditLog.VOID, table, id, summary.apply(why), null);
        });
    }
}
