package org.huyou.transition;

import org.huyou.common.Coded;

/** What the social worker may put into the young person's own archive when they leave. */
public enum ArchivePart implements Coded {
    PHOTO,
    SCHOOL_RECORDS,
    GROWTH_MILESTONES,
    PLACEMENT_PLAN,
    DOCUMENT_LIST;

    @Override
    public String labelPrefix() {
        return "archivePart";
    }
}
