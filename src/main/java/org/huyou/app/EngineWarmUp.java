package org.huyou.app;

import org.huyou.db.QueryWarmUp;
import org.huyou.security.KeyWrap;
import org.huyou.security.Passwords;
import org.slf4j.LoggerFactory;

/**
 * The part of a start a login waits for that needs no password: the logging set-up, the classes of the database
 * engine, jOOQ and the password hash, and runs of the hash (until the JIT has compiled it), of the keyring's cipher,
 * and of the engine and jOOQ on nothing (throw-away keys, an empty database in memory:
 * {@link org.huyou.db.QueryWarmUp}), so that the login's own run finds their code loaded and compiled. Nothing here
 * is required: what it has not done yet is done where it is needed; a login started stops it ({@link #stop}).
 */
public final class EngineWarmUp {

    /** Loaded and initialised: none touches JavaFX (a control class initialised here would load a stylesheet). */
    private static final String[] CLASSES = {
        "org.h2.Driver",
        "org.h2.engine.Database",
        "org.h2.mvstore.MVStore",
        "org.h2.command.Parser",
        "org.h2.security.AES",
        "org.h2.store.fs.encrypt.FileEncrypt",
        "org.jooq.impl.DSL",
        "org.jooq.impl.SQLDataType",
        "org.jooq.impl.DefaultDSLContext",
        "org.jooq.impl.DefaultConfiguration",
        "org.huyou.db.generated.Tables",
        "com.password4j.Argon2Function",
        "org.huyou.security.Keyring",
        "org.huyou.app.AppContext",
    };

    /**
     * Runs of the hash: the JIT compiles Argon2's inner loops after about eight; done at the login, that compilation
     * took about a quarter of a second of a core in the span a user waits for (a JFR of issue 31).
     */
    private static final int HASH_RUNS = 8;

    /** Set when a login starts: what is left of the warm-ups would only take cores from it. */
    private static volatile boolean stopped;

    private EngineWarmUp() {}

    /** A login has started: the warm-ups stop where they are. */
    public static void stop() {
        stopped = true;
    }

    public static boolean stopped() {
        return stopped;
    }

    public static void run() {
        try {
            LoggerFactory.getLogger(EngineWarmUp.class); // sets up logging
            ClassLoader loader = EngineWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
            for (int i = 0; i < HASH_RUNS && !stopped; i++) {
                Passwords.deriveKey("warm-up".toCharArray(), new byte[16]);
            }
            byte[] throwAway = new byte[32];
            KeyWrap.unwrap(throwAway, KeyWrap.wrap(throwAway, throwAway)); // the keyring's AES-GCM
            QueryWarmUp.run();
        } catch (Throwable notNeeded) {
            // only a head start: the login does all of this again where it is needed
        }
    }
}
