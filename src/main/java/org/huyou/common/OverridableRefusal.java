package org.huyou.common;

/**
 * A refusal made for safety that this user may set aside with a written reason (a dose despite an allergy): the
 * screen shows the refusal's sentence, asks for the reason and does it again with it. When {@link #mayOverride()}
 * is false the sentence says who may.
 */
public interface OverridableRefusal {

    boolean mayOverride();

    /** The reason must say something: at least this many characters. */
    int minReasonLength();
}
