package org.huyou.donations;

import java.util.Optional;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceContext;

/**
 * What a payment from a fund paid for, for the ledger's entry detail: a child's surgery or treatment named (child,
 * kind, title, date) only to those who may read medical records; a finance clerk without that permission learns that
 * it paid a child's medical cost and nothing of the child or the diagnosis.
 */
public final class LedgerUseService {

    private final LedgerUseRepository repo;
    private final CurrentUser user;

    public LedgerUseService(LedgerUseRepository repo, ServiceContext context) {
        this.repo = repo;
        this.user = context.user();
    }

    /** The sentence "paid for: ..." for this ledger entry, or empty when no record names it. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public Optional<String> paidFor(long seq) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.medicalUse(seq)
                .map(u -> user.can(AppModule.MEDICAL, Action.VIEW)
                        ? Messages.t(
                                        "ledger.paidForMedical",
                                        u.residentName(),
                                        Messages.t("medicalKind." + u.kind()),
                                        u.title(),
                                        Dates.format(u.date()))
                                + (u.voided() ? " " + Messages.t("ledger.paidForVoided") : "")
                        : Messages.t("ledger.paidForMedicalMasked"));
    }
}
