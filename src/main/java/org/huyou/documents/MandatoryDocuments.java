package org.huyou.documents;

import java.util.EnumMap;
import java.util.Map;
import org.huyou.common.Messages;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;

/**
 * Which papers a resident's file must hold, from what the register says of the child (issue 32): a recorded
 * disability needs the 残疾证 (it is what the disability allowance and rehabilitation funding ask for); a found or
 * abandoned child, or one the police brought, the police report (弃婴报案证明), without which the home cannot
 * register the child's hukou; a child in temporary guardianship, entrusted by a guardian or placed by a court, the
 * paper that gives the home its guardianship. Only rules the register can decide are here: an admission form for
 * every child would flag every file of a home that kept its forms on paper before this program.
 */
public final class MandatoryDocuments {

    /** Why a kind is required, worded on the reminder beside the kind. */
    public enum Because {
        DISABILITY,
        FOUND_CHILD,
        GUARDIANSHIP;

        public String label() {
            return Messages.t("document.requiredBecause." + name());
        }
    }

    private MandatoryDocuments() {}

    /** The kinds this resident's file must hold, each with why, in the kinds' order. */
    public static Map<DocumentKind, Because> required(
            Category category, AdmissionSource source, Guardianship guardianship, DisabilityType disability) {
        Map<DocumentKind, Because> required = new EnumMap<>(DocumentKind.class);
        if (disability != null && disability != DisabilityType.NONE) {
            required.put(DocumentKind.DISABILITY_CERTIFICATE, Because.DISABILITY);
        }
        if (category == Category.ABANDONED_INFANT
                || source == AdmissionSource.FOUND_ABANDONED
                || source == AdmissionSource.POLICE) {
            required.put(DocumentKind.POLICE_REPORT, Because.FOUND_CHILD);
        }
        if (category == Category.TEMPORARY_GUARDIANSHIP
                || source == AdmissionSource.COURT
                || guardianship == Guardianship.CIVIL_AFFAIRS_TEMPORARY
                || guardianship == Guardianship.ENTRUSTED_BY_GUARDIAN) {
            required.put(DocumentKind.GUARDIANSHIP_LEGAL, Because.GUARDIANSHIP);
        }
        return required;
    }
}
