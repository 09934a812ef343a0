package org.huyou.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;

/**
 * The child process of the kill -9 test: logs in and admits residents one by one, printing each id only after its
 * commit has returned, until it is killed.
 */
public final class KillTarget {

    private KillTarget() {}

    public static void main(String[] args) {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (AppContext ctx = TestHome.open(Path.of(args[0]))) {
            out.println("READY");
            for (int i = 0; ; i++) {
                Resident d = AuditTrailTest.draft("进程" + i);
                Resident r = ctx.residents()
                        .create(new Resident(
                                null,
                                null,
                                null,
                                d.name(),
                                null,
                                d.gender(),
                                d.birthDate(),
                                false,
                                null,
                                null,
                                null,
                                d.category(),
                                d.admissionDate(),
                                d.admissionSource(),
                                null,
                                d.disabilityType(),
                                null,
                                d.guardianship(),
                                null,
                                null,
                                null));
                out.println("COMMITTED " + r.id());
            }
        }
    }
}
