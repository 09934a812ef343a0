package org.huyou.care.medical;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An application to 明天计划 (the Tomorrow Plan) for a child's surgery or treatment: applied, then approved with the
 * hospital, the operation date and the amount granted. Pending until approved (a reminder meanwhile).
 */
public record TomorrowPlanApplication(long id, long residentId, String condition, LocalDate appliedOn,
                                      LocalDate approvedOn, String hospital, LocalDate operationDate,
                                      BigDecimal amount, int version) {

    public boolean pending() {
        return approvedOn == null;
    }
}
