package org.huyou.documents;

import org.huyou.common.Coded;

/** What a paper in the resident's file is (issue 32's list). Medical kinds follow the medical module's reading. */
public enum DocumentKind implements Coded {
    ADMISSION_FORM, POLICE_REPORT, HUKOU, ID_CARD, DISABILITY_CERTIFICATE, MEDICAL_REPORT, SURGERY_CONSENT,
    SCHOOL_CERTIFICATE, GUARDIANSHIP_LEGAL, PHOTO, OTHER;

    /** Whether reading it needs the medical module's VIEW as well as the documents'. */
    public boolean medical() {
        return this == MEDICAL_REPORT || this == SURGERY_CONSENT;
    }

    @Override
    public String labelPrefix() {
        return "documentKind";
    }
}
