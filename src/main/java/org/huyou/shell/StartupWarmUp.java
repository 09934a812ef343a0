package org.huyou.shell;

import javafx.scene.Scene;

/**
 * Work of the start that the login screen does not need, done while it waits for a password: the logging set-up and
 * the classes the login then needs (the database engine, jOOQ, the password hash). It starts once the login screen is
 * up: started earlier it took a core from JavaFX's own start (measured: the login screen came later). Nothing here is
 * required: what it has not done yet is done where it is needed, as before.
 */
final class StartupWarmUp {

    /** Loaded and initialised: none touches JavaFX (a control class initialised here would load a stylesheet). */
    private static final String[] CLASSES = {
        "org.h2.Driver", "org.h2.engine.Database", "org.h2.mvstore.MVStore", "org.h2.command.Parser",
        "org.h2.security.AES", "org.h2.store.fs.encrypt.FileEncrypt",
        "org.jooq.impl.DSL", "org.jooq.impl.SQLDataType", "org.jooq.impl.DefaultDSLContext",
        "org.jooq.impl.DefaultConfiguration", "org.huyou.db.generated.Tables",
        "com.password4j.Argon2Function", "org.huyou.security.Keyring", "org.huyou.app.AppContext",
    };

    private StartupWarmUp() {
    }

    /** Starts once the scene has been laid out for the first time (its first picture is then being drawn). */
    static void afterFirstLayout(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Thread t = new Thread(StartupWarmUp::run, "start-warm-up");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            t.start();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void run() {
        try {
            org.slf4j.LoggerFactory.getLogger(StartupWarmUp.class); // sets up logging
            ClassLoader loader = StartupWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
        } catch (Throwable notNeeded) {
            // only a head start: the start itself does all of this again where it is needed
        }
    }
}
