package org.huyou.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.ServerConnection;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.db.ServerAddress;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two office PCs (two data folders, two contexts, two connection pools) on one real PostgreSQL server, editing the
 * same home: what one saves the other sees, and of two saves of the same record only the first lands; the second is
 * told who changed it and when.
 */
@EnabledIfSystemProperty(named = "huyou.test.db", matches = "postgresql")
class TwoOfficePcsTest {

    @TempDir
    Path dir;

    @Test
    void secondPcSeesTheFirstsWorkAndAConcurrentSaveIsRefusedWithWhoAndWhen() throws Exception {
        Path pcA = dir.resolve("pc-a");
        Path pcB = dir.resolve("pc-b");
        ServerConnection server = TestPostgres.server().newDatabase();
        try (AppContext a = TestHome.setUpOnServer(pcA, server, TestHome.CLOCK)) {
            a.accounts()
                    .create(
                            "liu",
                            "刘社工",
                            TestHome.PASSWORD,
                            java.util.EnumSet.of(Role.ADMINISTRATOR, Role.SOCIAL_WORKER));
            assertEquals(
                    "滨州市儿童福利院",
                    HomeAccess.connectToServer(pcB, server, TestHome.CLOCK).name());
            try (AppContext b = HomeAccess.login(pcB, "liu", TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
                Resident created = a.residents().create(ResidentDrafts.draft("王芳", LocalDate.of(2014, 5, 1)));
                assertEquals("王芳", b.residents().get(created.id()).name(), "PC B reads what PC A saved");

                Resident openedOnA = a.residents().get(created.id());
                Resident openedOnB = b.residents().get(created.id());
                b.residents().update(ResidentDrafts.withNote(openedOnB, "B 的记录"));
                StaleRecordException stale = assertThrows(
                        StaleRecordException.class,
                        () -> a.residents().update(ResidentDrafts.withNote(openedOnA, "A 的记录")));
                assertTrue(stale.userMessage().contains("刘社工"), stale.userMessage());
                assertTrue(stale.userMessage().contains("2026"), "and when: " + stale.userMessage());
                assertEquals("B 的记录", a.residents().get(created.id()).note(), "A now sees B's values");

                // The same race with both saves at once, many times: exactly one of each pair lands.
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    for (int round = 0; round < 20; round++) {
                        Resident now = a.residents().get(created.id());
                        CyclicBarrier start = new CyclicBarrier(2);
                        List<Future<Boolean>> saves = new ArrayList<>();
                        for (AppContext pc : List.of(a, b)) {
                            Callable<Boolean> save = () -> {
                                start.await();
                                try {
                                    pc.residents()
                                            .update(ResidentDrafts.withNote(
                                                    now, pc.currentUser().username()));
                                    return true;
                                } catch (StaleRecordException lost) {
                                    return false;
                                }
                            };
                            saves.add(pool.submit(save));
                        }
                        int landed =
                                (saves.get(0).get() ? 1 : 0) + (saves.get(1).get() ? 1 : 0);
                        assertEquals(1, landed, "round " + round);
                        assertEquals(
                                now.version() + 1,
                                a.residents().get(created.id()).version());
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void anUnreachableServerOrAWrongPasswordIsASentenceAndLeavesNoSettings() {
        int closedPort = TestPostgres.server().port() + 1;
        ServerConnection nowhere =
                new ServerConnection(new ServerAddress("127.0.0.1", closedPort, "huyou"), "huyou", "x".toCharArray());
        UserFacingException e = assertThrows(
                UserFacingException.class,
                () -> HomeAccess.connectToServer(dir.resolve("pc"), nowhere, TestHome.CLOCK));
        assertEquals("error.serverUnreachable", e.messageKey());
        assertTrue(!HomeAccess.isSetUp(dir.resolve("pc")), "nothing kept of a connection that did not work");

        ServerConnection good = TestPostgres.server().newDatabase();
        ServerConnection wrongPassword = new ServerConnection(good.address(), good.user(), "wrong".toCharArray());
        e = assertThrows(
                UserFacingException.class,
                () -> HomeAccess.connectToServer(dir.resolve("pc"), wrongPassword, TestHome.CLOCK));
        assertEquals("error.serverLogin", e.messageKey());
        e = assertThrows(
                UserFacingException.class, () -> HomeAccess.connectToServer(dir.resolve("pc"), good, TestHome.CLOCK));
        assertEquals("server.noHomeYet", e.messageKey(), "an empty database is no home to join");
        assertEquals(
                "server.badAddress",
                assertThrows(UserFacingException.class, () -> ServerAddress.parse("mysql://x/y"))
                        .messageKey());
    }
}
