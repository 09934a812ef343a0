package org.huyou.common;

/**
 * A failure the user can act on: its message is a translated sentence saying what went wrong and what to do.
 * Anything else that escapes a service is a bug, logged in full and shown as a general apology.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserFacingException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public UserFacingException(Throwable cause, String messageKey, Object... args) {
        super(messageKey, cause);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public String userMessage() {
        return Messages.t(messageKey, args);
    }

    /**
     * The sentence of a refusal a rule may give ({@code null}: it allows), or null: what a button's tooltip says about
     * why it is disabled.
     */
    public static String why(UserFacingException refusal) {
        return refusal == null ? null : refusal.userMessage();
    }

    /**
     * The sentence to show for any failure: the translated one, a file-system fault naming its file, or a general
     * one for an unexpected error ({@link Faults}).
     */
    public static String describe(Throwable t) {
        return Faults.describe(t).message();
    }
}
