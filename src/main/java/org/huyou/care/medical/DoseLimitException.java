package org.huyou.care.medical;

import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.OverridableRefusal;
import org.huyou.common.UserFacingException;

/**
 * An order refused because its dose is above the known maximum of its ingredient: the sentence gives the figures;
 * medical staff may order it anyway with a written reason, which is audited and shown on the order and its doses.
 */
public class DoseLimitException extends UserFacingException implements OverridableRefusal {

    private final transient List<String> problems;

    public DoseLimitException(List<String> problems) {
        super("medication.doseAboveLimit", Messages.clauses(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public boolean mayOverride() {
        return true;
    }

    @Override
    public int minReasonLength() {
        return MedicationService.MIN_OVERRIDE_REASON;
    }
}
