package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.testing.TestHome;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The login screen without controls, on a real home with nobody logged in: a wrong password refused with the
 * attempts left, the password cleared and asked for again, the user name kept; the lock-out's sentence once the
 * attempts are used up; the right password logging in (the user name without its spaces); the missing data said in
 * the login screen's words; the restore taking the typed details.
 */
class LoginViewModelTest {

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(LocalDate.of(2026, 11, 23), null);

    final List<AppContext> opened = new ArrayList<>();
    int refusals;
    LoginViewModel vm;

    @BeforeEach
    void open() {
        vm = new LoginViewModel(
                home.tasks,
                home.dir(),
                "caregiver",
                (user, password) -> {
                    home.ctx().login().login(user, password);
                    return home.ctx();
                },
                opened::add);
        vm.setOnRefused(() -> refusals++);
    }

    @Test
    void aWrongPasswordIsRefusedUntilTheAccountIsLocked() {
        assertEquals("caregiver", vm.username.get(), "the last user is offered again");
        vm.password.set("wrong-horse");
        vm.login();
        assertTrue(
                vm.errorProperty().get().startsWith("用户名或密码不正确。再错 "),
                vm.errorProperty().get());
        assertEquals("", vm.password.get(), "the password is cleared to be typed again");
        assertEquals("caregiver", vm.username.get());
        assertEquals(1, refusals, "the View is told, to put the focus on the password");
        assertFalse(vm.busyProperty().get(), "the button can be pressed again");
        assertTrue(opened.isEmpty());

        for (int i = 0; i < 20 && !vm.errorProperty().get().startsWith("多次输入错误"); i++) {
            vm.password.set("wrong-horse");
            vm.login();
        }
        assertTrue(
                vm.errorProperty().get().startsWith("多次输入错误，账户已锁定，请在 "),
                vm.errorProperty().get());
        vm.password.set(TestHome.PASSWORD);
        vm.login();
        assertTrue(vm.errorProperty().get().startsWith("多次输入错误"), "locked, even with the right password");
        assertTrue(opened.isEmpty());
    }

    @Test
    void theRightPasswordLogsIn() {
        vm.password.set("wrong-horse");
        vm.login();
        vm.username.set("  caregiver ");
        vm.password.set(TestHome.PASSWORD);
        vm.login();
        assertEquals("", vm.errorProperty().get(), "the last refusal is gone");
        assertEquals(1, opened.size());
        assertSame(home.ctx(), opened.get(0));
        assertEquals("caregiver", home.ctx().currentUser().username());
        assertTrue(vm.busyProperty().get(), "the button stays pressed while the main window opens");
    }

    @Test
    void theMissingDataIsSaidInTheLoginScreensWordsAndTheRestoreTakesTheTypedDetails() {
        assertEquals(
                Messages.t("login.databaseMissing", home.dir()),
                vm.refusal(new UserFacingException("home.databaseMissing", home.dir())));
        assertTrue(vm.refusal(new UserFacingException("login.failed", 3)).startsWith("用户名或密码不正确。"));

        vm.refused("上次的原因");
        vm.username.set(" admin ");
        vm.password.set("secret");
        List<String> restored = new ArrayList<>();
        Path backup = home.dir().resolve("home-2026-11-22.huyou-backup");
        vm.restore(
                backup, (b, user, password) -> restored.add(b.getFileName() + " " + user + " " + new String(password)));
        assertEquals(List.of("home-2026-11-22.huyou-backup admin secret"), restored);
        assertEquals("", vm.errorProperty().get());
        assertTrue(vm.busyProperty().get());
        vm.refused("备份文件已损坏。");
        assertEquals("备份文件已损坏。", vm.errorProperty().get());
        assertFalse(vm.busyProperty().get());
    }
}
