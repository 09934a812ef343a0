package org.huyou.care.daily;

import java.util.Map;
import org.huyou.common.StaleRecordException;

/**
 * Someone else saved some of these children's entries of the shift after this PC showed them: the save is refused as
 * a whole, so theirs is never replaced unseen. {@link #current()} gives each such child's entry as it stands now; a
 * save that carries those ids is a deliberate correction of theirs (theirs is kept, voided as corrected).
 */
public final class ShiftSavedMeanwhileException extends StaleRecordException {

    private final transient Map<Long, Long> current;

    public ShiftSavedMeanwhileException(String savedBy, Object savedAt, Map<Long, Long> current) {
        super("error.shiftSavedMeanwhile", savedBy, savedAt, current.size());
        this.current = Map.copyOf(current);
    }

    /** Child → the id of the entry someone else saved since this PC showed the shift. */
    public Map<Long, Long> current() {
        return current;
    }
}
