package org.huyou.documents;

import org.huyou.common.Coded;
import org.huyou.security.AppModule;

/**
 * What a paper in the resident's file is (issue 32's list). Medical kinds follow the medical module's reading, and
 * the scans that show the ID number (身份证, 户口簿) the reading of ID numbers.
 */
public enum DocumentKind implements Coded {
    ADMISSION_FORM,
    POLICE_REPORT,
    HUKOU,
    ID_CARD,
    DISABILITY_CERTIFICATE,
    MEDICAL_REPORT,
    SURGERY_CONSENT,
    SCHOOL_CERTIFICATE,
    GUARDIANSHIP_LEGAL,
    PHOTO,
    OTHER;

    /** The module whose VIEW reading it needs as well as the documents', or null when the documents' suffices. */
    public AppModule alsoNeeds() {
        return switch (this) {
            case MEDICAL_REPORT, SURGERY_CONSENT -> AppModule.MEDICAL;
            // The card and the register's page print the full ID number the register masks without ID_NUMBERS.
            case ID_CARD, HUKOU -> AppModule.ID_NUMBERS;
            default -> null;
        };
    }

    @Override
    public String labelPrefix() {
        return "documentKind";
    }
}
