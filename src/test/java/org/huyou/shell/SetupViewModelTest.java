package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first start without controls, in an empty data folder: two passwords that differ, a server address not
 * understood and a server without its account refused before anything is made; a home without its name refused by
 * the set-up naming it; then the home made on this PC, its administrator logged in and its recovery key handed on.
 */
class SetupViewModelTest {

    @TempDir
    Path dir;

    final List<HomeAccess.NewHome> created = new ArrayList<>();
    final List<AppContext> read = new ArrayList<>();
    SetupViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        vm = new SetupViewModel(new DirectTaskRunner(), dir, TestHome.CLOCK, read::add, created::add);
        vm.homeName.set("滨州市儿童福利院");
        vm.region.set("山东省滨州市");
        vm.displayName.set("王管理");
        vm.password.set(TestHome.PASSWORD);
        vm.again.set(TestHome.PASSWORD);
    }

    @AfterEach
    void close() {
        created.forEach(h -> h.context().close());
    }

    @Test
    void whatIsTypedWronglyIsRefusedBeforeAHomeIsMade() {
        assertEquals("admin", vm.admin.get(), "the usual first account is offered");
        vm.again.set(TestHome.PASSWORD + "x");
        vm.create();
        assertEquals("再次输入密码：与上面的密码不一致，请再输入一遍相同的密码。", vm.errorProperty().get());
        assertEquals("setupPasswordAgain", vm.refusedFieldProperty().get(), "the confirmation is marked");
        assertEquals(TestHome.PASSWORD, vm.password.get(), "what was typed stays");
        assertEquals(TestHome.PASSWORD + "x", vm.again.get());
        assertFalse(vm.creatingProperty().get());
        vm.again.set(TestHome.PASSWORD);

        vm.onServer.set(true);
        vm.server.address.set("192.168.1.10");
        vm.create();
        assertEquals(
                Messages.t("server.badAddress", "192.168.1.10"),
                vm.errorProperty().get());
        vm.server.address.set("postgresql://192.168.1.10:5432/huyou");
        vm.server.user.set(" ");
        vm.create();
        assertEquals(Messages.t("server.userRequired"), vm.errorProperty().get());
        vm.onServer.set(false);

        vm.homeName.set(" ");
        vm.create();
        assertEquals(Messages.t("setup.homeNameRequired"), vm.errorProperty().get(), "the set-up's own check");
        assertFalse(vm.creatingProperty().get(), "the button can be pressed again");
        assertFalse(HomeAccess.isSetUp(dir));
        assertTrue(created.isEmpty());
    }

    @Test
    void aHomeOnThisPcIsMadeWithItsRecoveryKey() {
        vm.admin.set(" admin ");
        vm.create();
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, created.size());
        HomeAccess.NewHome home = created.get(0);
        assertNotNull(home.recoveryKey(), "a home on this PC has a key to show once");
        assertEquals(TestHome.ADMIN, home.context().currentUser().username(), "the account without its spaces");
        assertEquals("滨州市儿童福利院", home.context().homeProfile().name());
        assertSame(home.context(), read.get(0), "the window read the new home's settings");
        assertTrue(vm.creatingProperty().get(), "the button stays pressed while the next page opens");
        assertTrue(HomeAccess.isSetUp(dir));
    }
}
