package org.huyou.residents.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.function.BiConsumer;
import org.huyou.common.Dates;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;

/**
 * How a feature's part of the demo home is written (the ledger, the volunteers, the open day): only by a user who
 * may register residents, in one transaction, every record stamped at noon of the moment's day, or at the moment
 * itself when that is earlier.
 */
public final class DemoPartWriter {

    private static final LocalTime NOON = LocalTime.NOON;

    private final Transactions tx;
    private final CurrentUser user;

    public DemoPartWriter(Transactions tx, CurrentUser user) {
        this.tx = tx;
        this.user = user;
    }

    /** Runs {@code part} with the moment's day and the stamp its records take. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void write(LocalDateTime moment, BiConsumer<LocalDate, LocalDateTime> part) {
        write(moment, NOON, part);
    }

    /** The same, the records stamped at {@code stampAt} of the moment's day instead of noon. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void write(LocalDateTime moment, LocalTime stampAt, BiConsumer<LocalDate, LocalDateTime> part) {
        LocalDate today = moment.toLocalDate();
        user.require(AppModule.RESIDENTS, Action.CREATE);
        LocalDateTime now = Dates.noLaterThan(today.atTime(stampAt), moment);
        tx.inTransaction(() -> part.accept(today, now));
    }
}
