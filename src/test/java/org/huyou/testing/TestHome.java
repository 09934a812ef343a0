package org.huyou.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.huyou.app.AppContext;
import org.huyou.security.CurrentUser;

/** A real H2 file database in a temporary folder, migrated by the real migrations, with "today" fixed. */
public final class TestHome {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    public static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.ofHours(8)),
            ZoneId.of("Asia/Shanghai"));

    private TestHome() {
    }

    public static AppContext open(Path dir) {
        return AppContext.open(dir, CLOCK, new CurrentUser("tester"));
    }

    public static AppContext openTemp() {
        try {
            return open(Files.createTempDirectory("huyou-test"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
