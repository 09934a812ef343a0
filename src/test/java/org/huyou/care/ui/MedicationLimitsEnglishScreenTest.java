package org.huyou.care.ui;

import java.util.Locale;
import org.huyou.common.Messages;

/** {@link MedicationLimitsScreenTest} with the window in English. */
class MedicationLimitsEnglishScreenTest extends MedicationLimitsScreenTest {

    @Override
    Locale locale() {
        return Messages.ENGLISH;
    }
}
