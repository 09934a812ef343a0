package org.huyou.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.security.Keyring;
import org.huyou.security.Role;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The settings without controls, on a real home on this PC: what each role is shown; the display handed to this PC's preferences;
 * the security policy and backup read, letters refused naming the field and nothing saved, then saved as typed; the
 * care plan's self-approval saved as ticked; a new recovery key handed to be shown once; a server address not
 * understood refused naming it.
 */
class SettingsViewModelTest {

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(LocalDate.of(2026, 11, 23), Role.ADMINISTRATOR);

    int applied;
    int loaded;
    int saved;
    Preferences prefs;

    SettingsViewModel open() {
        prefs = Preferences.load(home.ctx().dataDir());
        SettingsViewModel vm = new SettingsViewModel(home.ctx(), prefs, home.tasks, home.heard, () -> applied++);
        vm.setOnHomeLoaded(() -> loaded++);
        vm.setOnHomeSaved(() -> saved++);
        vm.load();
        return vm;
    }

    @Test
    void eachRoleIsShownWhatItMayChange() {
        SettingsViewModel admin = open();
        assertTrue(admin.showsSecurity() && admin.showsBackup() && admin.showsKeys());
        assertFalse(admin.editsServer(), "a home on this PC has no server connection");
        assertNull(admin.serverAddress());
        home.as(Role.CAREGIVER);
        SettingsViewModel caregiver = open();
        assertFalse(caregiver.showsSecurity() || caregiver.showsBackup() || caregiver.showsKeys());
        assertFalse(caregiver.showsCarePlan());
    }

    @Test
    void theDisplayIsHandedToThisPcsPreferences() {
        SettingsViewModel vm = open();
        vm.language.set(Messages.ENGLISH);
        vm.fontSize.set(Preferences.FontSize.LARGER);
        vm.apply();
        assertEquals(1, applied, "the window saves them and is redrawn");
        assertEquals(Messages.ENGLISH, prefs.locale());
        assertEquals(Preferences.FontSize.LARGER, prefs.fontSize());
        assertEquals(Preferences.Theme.LIGHT, prefs.theme(), "unchanged");
    }

    @Test
    void lettersInASettingAreRefusedByNameThenTheTypedValuesAreSaved() {
        SettingsViewModel vm = open();
        assertEquals(1, loaded, "the View's spinners take the home's values");
        assertEquals("10", vm.idleMinutes.get());
        assertEquals(Integer.toString(home.ctx().backups().keep()), vm.backupKeep.get());
        assertEquals(home.ctx().backups().folder().toString(), vm.backupFolder.get());

        vm.idleMinutes.set("abc");
        vm.saveHome();
        String said = home.heard.last();
        assertTrue(said.contains("无操作自动锁定") && said.contains("abc"), said);
        assertEquals("abc", vm.idleMinutes.get(), "what was typed stays");
        assertEquals(10, home.ctx().accounts().idleLockMinutes());
        assertEquals(0, saved);

        vm.idleMinutes.set("500");
        vm.saveHome();
        assertTrue(home.heard.last().contains("240"), "out of range, named by the service: " + home.heard.last());

        vm.idleMinutes.set(" 15 ");
        vm.backupKeep.set("20");
        vm.backupFolder.set(" " + home.dir().resolve("backups") + " ");
        vm.saveHome();
        assertEquals(Messages.t("settings.homeSaved"), home.heard.last());
        assertEquals(1, saved, "the folder stays on screen as saved");
        assertEquals(15, home.ctx().accounts().idleLockMinutes());
        assertEquals(20, home.ctx().backups().keep());
        assertEquals(home.dir().resolve("backups"), home.ctx().backups().folder());
    }

    @Test
    void theDirectorsSelfApprovalIsSavedAsTicked() {
        home.as(Role.DIRECTOR);
        SettingsViewModel vm = open();
        assertTrue(vm.showsCarePlan());
        assertTrue(vm.selfApprovalReadyProperty().get(), "the box waits until the home's choice is read");
        assertFalse(vm.selfApproval.get());
        vm.selfApproval.set(true);
        assertEquals(Messages.t("settings.carePlanSaved"), home.heard.last());
        assertTrue(home.ctx().carePlans().selfApprovalAllowed());
    }

    @Test
    void aNewRecoveryKeyIsHandedOverToBeShownOnce() {
        SettingsViewModel vm = open();
        List<String> shown = new ArrayList<>();
        vm.newRecoveryKey(shown::add);
        assertEquals(1, shown.size());
        assertFalse(vm.makingRecoveryKeyProperty().get(), "the button is back");
        assertNotNull(Keyring.load(home.ctx().dataDir()).unlockWithRecovery(shown.get(0)), "the new key opens");
        assertTrue(home.heard.errors.isEmpty(), home.heard.errors.toString());
    }

    @Test
    void aServerAddressNotUnderstoodIsRefusedNamingIt() {
        SettingsViewModel vm = open();
        vm.server.address.set("192.168.1.10");
        vm.server.user.set("huyou");
        vm.saveServer();
        assertEquals(List.of(Messages.t("server.badAddress", "192.168.1.10")), home.heard.errors);
    }
}
