package org.huyou.allowance;

import org.huyou.common.Coded;

/** The categories basic living allowance standards (基本生活保障标准) are published for. */
public enum AllowanceCategory implements Coded {
    INSTITUTION_ORPHAN, DISPERSED_ORPHAN, DE_FACTO_UNSUPPORTED, KEY_CHILD_IN_DIFFICULTY, SERIOUSLY_ILL_OR_DISABLED;

    @Override
    public String labelPrefix() {
        return "allowanceCategory";
    }
}
