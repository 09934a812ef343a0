package org.huyou.allowance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.security.CurrentUser;

/**
 * The demo home is in Binzhou: its standards apply. The published examples have no figure for de facto unsupported or
 * seriously ill and disabled children there, so the demo adds two, marked as examples, so that its roll is complete
 * except for the children in temporary guardianship (flagged, as a real roll would be).
 */
public final class AllowanceDemo {

    public static final String REGION = "山东省滨州市";

    private final AllowanceRepository repo;
    private final SettingsRepository settings;
    private final Transactions tx;
    private final CurrentUser user;

    public AllowanceDemo(AllowanceRepository repo, SettingsRepository settings, Transactions tx, CurrentUser user) {
        this.repo = repo;
        this.settings = settings;
        this.tx = tx;
        this.user = user;
    }

    public void load(LocalDateTime now) {
        tx.inTransaction(() -> {
            settings.put(AllowanceService.REGION_SETTING, REGION);
            LocalDate from = LocalDate.of(2024, 1, 1);
            repo.insertStandard(
                    new Proration.Standard(
                            AllowanceCategory.DE_FACTO_UNSUPPORTED, REGION, from, new BigDecimal("2140")),
                    "示例：参照散居孤儿标准",
                    user.username(),
                    now);
            repo.insertStandard(
                    new Proration.Standard(
                            AllowanceCategory.SERIOUSLY_ILL_OR_DISABLED, REGION, from, new BigDecimal("2675")),
                    "示例：参照集中供养孤儿标准",
                    user.username(),
                    now);
        });
    }
}
