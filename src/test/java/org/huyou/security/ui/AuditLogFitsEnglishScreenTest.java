package org.huyou.security.ui;

import java.util.Locale;
import javafx.stage.Stage;
import org.huyou.common.Messages;
import org.testfx.framework.junit5.Start;

/** {@link AuditLogFitsScreenTest} with the window in English. */
class AuditLogFitsEnglishScreenTest extends AuditLogFitsScreenTest {

    @Override
    Locale locale() {
        return Messages.ENGLISH;
    }

    /** Declared here too: TestFX looks for the fixture's start on the test's own class. */
    @Override
    @Start
    void start(Stage stage) throws Exception {
        super.start(stage);
    }
}
