package org.huyou.shell;

import javafx.scene.Scene;
import org.huyou.app.EngineWarmUp;
import org.huyou.app.Preferences;

/**
 * Starts {@link EngineWarmUp} on a second thread once the login screen has been laid out, while it waits for a
 * password, and {@link ScreenWarmUp} on the JavaFX thread beside it. Started earlier, the same work took a core from
 * JavaFX's own start (measured: the login screen came later).
 */
final class StartupWarmUp {

    private StartupWarmUp() {}

    /** Starts once the scene has been laid out for the first time (its first picture is then being drawn). */
    static void afterFirstLayout(Scene scene, Preferences prefs) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Thread t = new Thread(EngineWarmUp::run, "start-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            t.start();
            ScreenWarmUp.start(prefs);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
