package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.HomeAccess;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgotten passwords without controls, on a real home on this PC set up with its recovery key: a wrong key refused
 * with the tries left; the right one offering the only administrator, chosen; no administrator or two passwords that
 * differ refused before the service; a weak password refused by it; the new password set, the recovery's home closed
 * (the administrator then logs in with it); going back closing the recovery.
 */
@Tag("embedded-only") // a home on a server has no recovery key
class RecoveryViewModelTest {

    static final String NEW_PASSWORD = "Lanhua-shu-2031";

    @TempDir
    Path home;

    String recoveryKey;
    final List<String> done = new ArrayList<>();
    int backs;
    RecoveryViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.use(Messages.CHINESE);
        HomeAccess.NewHome created = HomeAccess.setUp(
                home, new HomeAccess.Setup("滨州市儿童福利院", "", TestHome.ADMIN, "王管理", TestHome.PASSWORD), TestHome.CLOCK);
        created.context().close();
        recoveryKey = created.recoveryKey();
        vm = new RecoveryViewModel(new DirectTaskRunner(), home, null, TestHome.CLOCK, done::add, () -> backs++);
    }

    @Test
    void theKeyThenTheAdministratorsNewPassword() {
        vm.key.set("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH");
        vm.checkKey();
        assertTrue(
                vm.errorProperty().get().startsWith("恢复密钥不正确"),
                vm.errorProperty().get());
        assertFalse(vm.choosingProperty().get());
        assertFalse(vm.busyProperty().get(), "the key can be typed again");

        vm.key.set(recoveryKey.toLowerCase());
        vm.checkKey();
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.choosingProperty().get());
        assertEquals(
                List.of(TestHome.ADMIN),
                vm.administrators.stream().map(m -> m.username()).toList());
        assertEquals(TestHome.ADMIN, vm.admin.get().username(), "the only administrator is chosen");

        vm.admin.set(null);
        vm.password.set(NEW_PASSWORD);
        vm.again.set(NEW_PASSWORD);
        vm.setPassword();
        assertEquals(Messages.t("recovery.chooseAdmin"), vm.errorProperty().get());
        vm.admin.set(vm.administrators.get(0));

        vm.again.set(NEW_PASSWORD + "x");
        vm.setPassword();
        assertEquals("再次输入新密码：与上面的密码不一致，请再输入一遍相同的密码。", vm.errorProperty().get());
        assertEquals(NEW_PASSWORD, vm.password.get(), "what was typed stays, as on the first start");
        assertEquals(NEW_PASSWORD + "x", vm.again.get());
        assertEquals("recoveryPasswordAgain", vm.refusedFieldProperty().get(), "the confirmation is marked");

        vm.password.set("short");
        vm.again.set("short");
        vm.setPassword();
        assertTrue(
                vm.errorProperty().get().contains("8"),
                "the service's rule: " + vm.errorProperty().get());
        assertTrue(done.isEmpty());

        vm.password.set(NEW_PASSWORD);
        vm.again.set(NEW_PASSWORD);
        vm.setPassword();
        assertEquals(List.of(TestHome.ADMIN), done, "back to the login, naming the administrator");
        assertEquals(0, backs);
        // the recovery's home is closed: the administrator logs in with the new password
        HomeAccess.login(home, TestHome.ADMIN, NEW_PASSWORD.toCharArray(), TestHome.CLOCK)
                .close();
    }

    @Test
    void goingBackClosesTheRecovery() {
        vm.key.set(recoveryKey);
        vm.checkKey();
        assertTrue(vm.choosingProperty().get());
        vm.back();
        assertEquals(1, backs);
        assertTrue(done.isEmpty());
        HomeAccess.login(home, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)
                .close();
    }
}
