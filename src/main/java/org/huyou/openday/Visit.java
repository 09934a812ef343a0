package org.huyou.openday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.huyou.common.Coded;

/** A checked-in visitor (or a group's leader with the group's head count) and their reception slip number. */
public record Visit(
        long id,
        LocalDate date,
        String slot,
        Long bookingId,
        String visitorName,
        String organisation,
        DocumentType documentType,
        String documentNo,
        String phone,
        int headCount,
        String host,
        String slipNo,
        LocalDateTime checkedInAt,
        boolean personalDataRemoved) {

    public enum DocumentType implements Coded {
        ID_CARD,
        PASSPORT,
        OTHER;

        @Override
        public String labelPrefix() {
            return "documentType";
        }
    }
}
