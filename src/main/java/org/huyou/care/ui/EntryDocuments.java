package org.huyou.care.ui;

import java.util.Map;
import org.huyou.care.TimelineEntry;

/**
 * The documents linked to care entries, as the timeline shows them. The documents feature provides it (it depends
 * on care, so care knows it only through this); null where the user may not read documents.
 */
public interface EntryDocuments {

    /**
     * How many documents the user may read are linked to each entry of the resident, keyed by
     * {@link TimelineEntry#key()}; called off the JavaFX thread.
     */
    Map<String, Integer> counts(long residentId);

    /** Shows the entry's documents, each opening the viewer; on the JavaFX thread. */
    void show(TimelineEntry entry);
}
