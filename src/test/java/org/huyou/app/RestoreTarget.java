package org.huyou.app;

import java.nio.file.Path;
import org.huyou.testing.TestHome;

/**
 * The child process of the restore crash test: logs in and restores the backup; the system property
 * {@code huyou.test.haltAfterRestoreStep} halts it at that step, as a kill -9 would.
 */
public final class RestoreTarget {

    private RestoreTarget() {}

    public static void main(String[] args) {
        HomeAccess.restore(TestHome.open(Path.of(args[0])), Path.of(args[1]));
    }
}
