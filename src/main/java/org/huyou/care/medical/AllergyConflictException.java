package org.huyou.care.medical;

import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;

/**
 * An order refused because the drug conflicts with the child's allergies: the message names each allergy and the
 * drug; the screen shows the conflicts and may ask medical staff for the reason to order it anyway.
 */
public class AllergyConflictException extends UserFacingException {

    private final transient List<AllergyConflict> conflicts;

    public AllergyConflictException(List<AllergyConflict> conflicts) {
        this("medication.allergyRefused", conflicts);
    }

    /** The same refusal with another sentence ({@code key} takes the conflicts as its one parameter). */
    protected AllergyConflictException(String key, List<AllergyConflict> conflicts) {
        super(
                key,
                Messages.clauses(
                        conflicts.stream().map(AllergyConflict::message).toList()));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<AllergyConflict> conflicts() {
        return conflicts;
    }
}
