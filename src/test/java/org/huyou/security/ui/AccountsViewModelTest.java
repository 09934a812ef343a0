package org.huyou.security.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.security.AccountService.AccountView;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.Permission;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts screen without controls, on a real home: an account saved, a permission granted and refused. */
class AccountsViewModelTest {

    @TempDir
    Path dir;

    AppContext ctx;
    HeardNotices heard = new HeardNotices();
    List<String> keyChanges = new ArrayList<>();
    AccountsViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(dir.resolve("home"));
        vm = viewModel();
    }

    private AccountsViewModel viewModel() {
        return new AccountsViewModel(
                ctx.accounts(),
                ctx.accountImporter(),
                new DirectTaskRunner(),
                heard,
                ctx.currentUser(),
                () -> keyChanges.add("file key"));
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static AccountsViewModel.AccountForm form(String password, String again, Set<Role> roles, boolean active) {
        return new AccountsViewModel.AccountForm("cw", "孙会计", password, again, roles, active);
    }

    @Test
    void aNewAccountsPasswordsMustAgreeAndTheSavedAccountIsListed() {
        vm.refresh();
        int before = vm.rows().size();
        assertEquals(Role.values().length, vm.permissions().get().size());
        assertTrue(vm.editDisabled().get(), "nothing chosen");

        AccountsViewModel.AccountForm typo =
                form(TestHome.PASSWORD, TestHome.PASSWORD + "x", EnumSet.of(Role.FINANCE_OFFICER), true);
        assertEquals("两次输入的密码不一致。", vm.passwordsDiffer(null, typo));
        AccountsViewModel.AccountForm agreed =
                form(TestHome.PASSWORD, TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER), true);
        assertNull(vm.passwordsDiffer(null, agreed));

        List<String> closed = new ArrayList<>();
        vm.save(null, agreed, () -> closed.add("closed"));
        assertEquals(List.of("closed"), closed);
        assertEquals(List.of(Messages.t("account.saved")), heard.said);
        assertEquals(before + 1, vm.rows().size(), "the list is read again");
        AccountView cw = vm.rows().stream()
                .filter(a -> a.username().equals("cw"))
                .findFirst()
                .orElseThrow();
        assertEquals(Set.of(Role.FINANCE_OFFICER), cw.roles());
        assertEquals(List.of(), keyChanges, "a new account makes no key change due");

        vm.selected.set(cw);
        assertFalse(vm.editDisabled().get());
        assertNull(vm.passwordsDiffer(cw, form("", "other", Set.of(), true)), "an edit types no password");
    }

    @Test
    void onesOwnNewRolesAreSaidToTakeEffectAtTheNextLogin() {
        vm.refresh();
        AccountView me = vm.rows().stream()
                .filter(a -> a.username().equals(TestHome.ADMIN))
                .findFirst()
                .orElseThrow();
        Set<Role> more = EnumSet.copyOf(me.roles());
        more.add(Role.DIRECTOR);
        vm.save(me, new AccountsViewModel.AccountForm(me.username(), me.displayName(), "", "", more, true), () -> {});
        assertEquals(List.of(Messages.t("account.savedOwnRoles")), heard.said);
    }

    @Test
    void deactivatingAnAccountChangesTheFileKey() {
        vm.save(null, form(TestHome.PASSWORD, TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER), true), () -> {});
        AccountView cw = vm.rows().stream()
                .filter(a -> a.username().equals("cw"))
                .findFirst()
                .orElseThrow();
        vm.save(cw, form("", "", EnumSet.of(Role.FINANCE_OFFICER), false), () -> {});
        assertEquals(List.of("file key"), keyChanges);
    }

    @Test
    void aPermissionIsGrantedAndARefusedOneIsPutBack() {
        Permission export = new Permission(AppModule.AUDIT, Action.EXPORT);
        List<String> undone = new ArrayList<>();
        vm.setPermission(Role.CAREGIVER, export, true, () -> undone.add("undone"));
        assertTrue(ctx.accounts().permissionsOf(Role.CAREGIVER).contains(export));
        assertEquals(List.of(), undone);

        TestHome.loginAs(ctx, "yz", Role.DIRECTOR);
        AccountsViewModel directors = viewModel();
        directors.setPermission(Role.CAREGIVER, export, false, () -> undone.add("undone"));
        assertEquals(List.of("undone"), undone);
        assertEquals(1, heard.errors.size(), heard.errors.toString());
    }

    @Test
    void theImportsFirstPasswordIsTypedTwice() {
        UserFacingException missing =
                assertThrows(UserFacingException.class, () -> AccountsViewModel.firstPassword(new String[] {"", ""}));
        assertEquals("accountImport.passwordMissing", missing.messageKey());
        UserFacingException differ = assertThrows(
                UserFacingException.class, () -> AccountsViewModel.firstPassword(new String[] {"abc", "abd"}));
        assertEquals("setup.passwordsDiffer", differ.messageKey());
        assertEquals("abc", new String(AccountsViewModel.firstPassword(new String[] {"abc", "abc"})));
    }
}
