package org.huyou.care;

import java.util.List;
import java.util.function.Function;
import org.huyou.common.FieldError;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.db.Voidable;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;

/** The one way a care record is corrected: voided with a reason, in one transaction with its audit row. */
public final class Corrections {

    private Corrections() {}

    /** Voids a row of the rows a repository hands over ({@link Voidable}), so that no service spells a table's name. */
    public static void voidEntry(Transactions tx, AuditLog audit, Voidable rows, long id, String reason) {
        voidEntry(tx, audit, rows, id, reason, why -> AuditSummary.of("auditSummary.voided", why));
    }

    /** As above, audited with a summary of its own made from the stripped reason (a replaced document names itself). */
    public static void voidEntry(
            Transactions tx,
            AuditLog audit,
            Voidable rows,
            long id,
            String reason,
            Function<String, AuditSummary> summary) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(new FieldError("reason", "validation.voidReasonRequired")));
        }
        String why = reason.strip();
        HiddenCharacters.checkReason(why);
        tx.inTransaction(() -> {
            if (!rows.voidRow(id, why)) {
                throw new UserFacingException("error.alreadyVoided");
            }
            audit.record(AuditLog.VOID, rows.auditName(), id, summary.apply(why), null);
        });
    }
}
