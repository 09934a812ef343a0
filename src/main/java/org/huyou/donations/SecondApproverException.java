package org.huyou.donations;

import org.huyou.common.OverridableRefusal;
import org.huyou.common.UserFacingException;

/**
 * A payment above the approval limit that the person recording it would approve themselves. Refused: the approval
 * is a second person's. Only where nobody else in the home can approve may this user pay it anyway, with a written
 * reason that goes to the audit log ({@link #mayOverride()}); otherwise the sentence names who can.
 */
public final class SecondApproverException extends UserFacingException implements OverridableRefusal {

    /** A reason is a sentence, not "ok". */
    public static final int MIN_REASON = 6;

    private final boolean mayOverride;

    private SecondApproverException(boolean mayOverride, String key, Object... args) {
        super(key, args);
        this.mayOverride = mayOverride;
    }

    /** Nobody else can approve: this user may pay with a reason. */
    static SecondApproverException onlyApprover(String amount, String limit) {
        return new SecondApproverException(true, "use.onlyApprover", amount, limit);
    }

    /** Someone else can approve: they must ({@code others} names them). */
    static SecondApproverException ownRequest(String amount, String others) {
        return new SecondApproverException(false, "request.ownRequest", amount, others);
    }

    @Override
    public boolean mayOverride() {
        return mayOverride;
    }

    @Override
    public int minReasonLength() {
        return MIN_REASON;
    }
}
