package org.huyou.care;

import java.time.LocalDate;

/**
 * One line of a resident's timeline, from whichever part recorded it. Voided entries stay, marked. {@code entity}
 * names the entry's table where something else refers to entries by it (documents linked to a medical record or an
 * incident), since a domain's ids are not unique across its tables (allergies and medical records are both MEDICAL);
 * null for the others.
 */
public record TimelineEntry(
        CareDomain domain,
        long id,
        LocalDate date,
        String summary,
        String recordedBy,
        boolean voided,
        String voidReason,
        String entity) {

    /** How others refer to an entry of a table: its table and id (null when the entry names no table). */
    public static String key(String entity, long id) {
        return entity + "#" + id;
    }

    public String key() {
        return entity == null ? null : key(entity, id);
    }
}
