package org.huyou.residents;

import java.util.List;

/**
 * Something every screen of a resident must show in its header (an allergy, later a high psychological risk).
 * Other parts of the care file register one; the resident file asks them all.
 */
public interface ResidentWarnings {

    /** Short sentences to show, none when there is nothing to warn about. Called off the JavaFX thread. */
    List<String> warningsFor(long residentId);
}
