package org.huyou.care.medical;

import java.util.List;
import org.huyou.common.OverridableRefusal;

/**
 * A dose about to be given conflicts with the child's allergies as they stand now. {@code mayOverride} says whether
 * this user may give it anyway with a reason (medical staff, or anyone who gives doses when medical staff confirmed
 * the order despite the allergy); otherwise the sentence tells them to hold the dose and call medical staff.
 */
public final class AllergyAtDoseException extends AllergyConflictException implements OverridableRefusal {

    private final boolean mayOverride;

    public AllergyAtDoseException(List<AllergyConflict> conflicts, boolean mayOverride) {
        super(mayOverride ? "medication.doseAllergyRefused" : "medication.doseAllergyHold", conflicts);
        this.mayOverride = mayOverride;
    }

    @Override
    public boolean mayOverride() {
        return mayOverride;
    }

    @Override
    public int minReasonLength() {
        return MedicationService.MIN_OVERRIDE_REASON;
    }
}
