package org.huyou.donations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huyou.common.FieldError;
import org.huyou.common.ValidationException;

/** An import's problems by row (from 0), as its checks found them: refused together, every row's at once. */
final class RowProblems {

    private RowProblems() {}

    /** Throws a {@link ValidationException} carrying every row's problems in row order, when there are any. */
    static void throwIfAny(Map<Integer, List<FieldError>> problems) {
        if (!problems.isEmpty()) {
            List<FieldError> all = new ArrayList<>();
            problems.values().forEach(all::addAll);
            throw new ValidationException(all);
        }
    }
}
