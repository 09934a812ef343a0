package org.huyou.allowance;

import java.util.Optional;
import java.util.Set;
import org.huyou.common.Coded;
import org.huyou.residents.Category;
import org.huyou.residents.InCare;
import org.huyou.residents.ResidentStatus;

/** The categories basic living allowance standards (基本生活保障标准) are published for. */
public enum AllowanceCategory implements Coded {
    INSTITUTION_ORPHAN,
    DISPERSED_ORPHAN,
    DE_FACTO_UNSUPPORTED,
    KEY_CHILD_IN_DIFFICULTY,
    SERIOUSLY_ILL_OR_DISABLED;

    /** The statuses in which a child lives on the home's allowance: in the home or in its family foster care. */
    public static final Set<ResidentStatus> IN_CARE = InCare.STATUSES;

    /**
     * The category a resident has until one is recorded: children living in the home are supported as institution
     * orphans (集中供养) when orphaned, abandoned or affected by HIV; de facto unsupported and seriously ill or disabled
     * children have their own standards; other children in difficulty are key children. A child in temporary
     * guardianship is not on the roll unless a category is recorded for them.
     */
    public static Optional<AllowanceCategory> fromRegister(Category category) {
        return Optional.ofNullable(
                switch (category) {
                    case ORPHAN, ABANDONED_INFANT, HIV_AFFECTED -> INSTITUTION_ORPHAN;
                    case DE_FACTO_UNSUPPORTED -> DE_FACTO_UNSUPPORTED;
                    case SERIOUSLY_ILL_OR_DISABLED -> SERIOUSLY_ILL_OR_DISABLED;
                    case OTHER_IN_DIFFICULTY -> KEY_CHILD_IN_DIFFICULTY;
                    case TEMPORARY_GUARDIANSHIP -> null;
                });
    }

    @Override
    public String labelPrefix() {
        return "allowanceCategory";
    }
}
