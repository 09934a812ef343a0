package org.huyou.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.huyou.residents.demo.DemoHome;
import org.huyou.testing.TestHome;

/**
 * The child process of the demo kill test: loads the demo, printing each part as it is done, and waits before the
 * commit until it is killed.
 */
public final class DemoKillTarget {

    private DemoKillTarget() {}

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (AppContext ctx = TestHome.open(Path.of(args[0]))) {
            ctx.loadDemo(DemoHome.DEFAULT_RESIDENTS, DemoHome.DEFAULT_SEED, part -> {
                out.println("PART " + part);
                if (part == AppContext.DemoPart.ALLOWANCE) {
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            out.println("COMMITTED");
        }
    }
}
