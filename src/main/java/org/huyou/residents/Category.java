package org.huyou.residents;

import org.huyou.common.Coded;

/** The resident's category under the policy on children in difficulty (domain.md). */
public enum Category implements Coded {
    ORPHAN,
    DE_FACTO_UNSUPPORTED,
    ABANDONED_INFANT,
    HIV_AFFECTED,
    TEMPORARY_GUARDIANSHIP,
    SERIOUSLY_ILL_OR_DISABLED,
    OTHER_IN_DIFFICULTY;

    @Override
    public String labelPrefix() {
        return "category";
    }
}
