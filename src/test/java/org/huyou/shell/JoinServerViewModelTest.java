package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.app.HomeProfile;
import org.huyou.app.ServerConnection;
import org.huyou.common.Messages;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining a home on a server without controls: an address not understood and a missing account refused naming them,
 * before anything is tried; a folder already holding a home (a real one on this PC) refused by the join; and, where
 * PostgreSQL is installed, a wrong server password explained and nothing kept, then the right one joining the home.
 */
class JoinServerViewModelTest {

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(LocalDate.of(2026, 11, 23), null);

    final List<HomeProfile> joined = new ArrayList<>();

    JoinServerViewModel joining(Path pc) {
        return new JoinServerViewModel(home.tasks, pc, TestHome.CLOCK, joined::add);
    }

    @Test
    void whatIsTypedWronglyIsRefusedNamingIt() throws Exception {
        Path pc = Files.createDirectory(home.dir().resolve("pc"));
        JoinServerViewModel vm = joining(pc);
        assertEquals("huyou", vm.server.user.get(), "the usual server account is offered");
        vm.server.address.set("192.168.1.10:5432");
        vm.connect();
        assertEquals(
                Messages.t("server.badAddress", "192.168.1.10:5432"),
                vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
        vm.server.address.set("postgresql://192.168.1.10:5432/huyou");
        vm.server.user.set("");
        vm.connect();
        assertEquals(Messages.t("server.userRequired"), vm.errorProperty().get());
        assertFalse(HomeAccess.isSetUp(pc), "nothing tried, nothing kept");
        assertTrue(joined.isEmpty());
    }

    @Test
    void aFolderHoldingAHomeIsNotJoinedToAServer() {
        Path dataDir = home.ctx().dataDir();
        JoinServerViewModel vm = joining(dataDir);
        vm.server.address.set("postgresql://192.168.1.10:5432/huyou");
        vm.connect();
        assertEquals(
                Messages.t("setup.alreadyDone", dataDir), vm.errorProperty().get());
        assertFalse(vm.busyProperty().get(), "the button can be pressed again");
        assertFalse(ServerConnection.exists(dataDir));
        assertTrue(joined.isEmpty());
    }

    @Test
    @EnabledIf("org.huyou.testing.TestPostgres#available")
    void anotherPcJoinsAfterAWrongPasswordIsExplained() throws Exception {
        ServerConnection server = TestPostgres.server().newDatabase();
        try (AppContext first =
                TestHome.setUpOnServer(Files.createDirectory(home.dir().resolve("first")), server, TestHome.CLOCK)) {
            assertTrue(first.serverAddress() != null);
        }
        Path pc = Files.createDirectory(home.dir().resolve("pc"));
        JoinServerViewModel vm = joining(pc);
        vm.server.address.set(server.address().toString());
        vm.server.user.set(server.user());
        vm.server.password.set("not-the-password");
        vm.connect();
        assertTrue(vm.errorProperty().get().contains("密码"), vm.errorProperty().get());
        assertFalse(HomeAccess.isSetUp(pc), "nothing of a refused connection is kept");

        vm.server.password.set(new String(server.password()));
        vm.connect();
        assertEquals("", vm.errorProperty().get());
        assertEquals(List.of("滨州市儿童福利院"), joined.stream().map(HomeProfile::name).toList());
        assertTrue(ServerConnection.exists(pc));
    }
}
