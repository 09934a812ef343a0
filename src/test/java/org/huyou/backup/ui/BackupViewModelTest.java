package org.huyou.backup.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backups screen without controls, on a real home: a backup made, verified, found damaged; who may restore. */
@Tag("embedded-only") // a server home is backed up on the server: the module is not offered there
class BackupViewModelTest {

    @TempDir
    Path dir;

    AppContext ctx;
    HeardNotices heard = new HeardNotices();
    BackupViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(dir.resolve("home"));
        vm = new BackupViewModel(ctx.backups(), new DirectTaskRunner(), heard, ctx.currentUser());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aBackupMadeNowIsListedAndVerifiedIntact() {
        vm.refresh();
        assertEquals(
                Messages.t("backup.folder", ctx.backups().folder()), vm.folder().get());
        assertEquals(List.of(), vm.files());
        assertTrue(vm.mayBackUp());

        vm.backUpNow();
        assertEquals(1, vm.files().size(), "the list is read again after the backup");
        Path made = vm.files().get(0);
        assertEquals(List.of(Messages.t("backup.done", made)), heard.said);
        assertTrue(vm.nothingSelected().get());

        vm.selected.set(made);
        assertFalse(vm.restoreDisabled().get());
        vm.verifySelected();
        assertEquals(Messages.t("backup.intact", made.getFileName()), heard.last());
        assertEquals(List.of(), heard.errors);
    }

    @Test
    void aDamagedBackupIsSaidToBeDamaged() throws Exception {
        vm.backUpNow();
        Path made = vm.files().get(0);
        Files.write(made, new byte[] {1, 2, 3});
        vm.selected.set(made);
        vm.verifySelected();
        assertEquals(List.of(Messages.t("backup.damaged", made.getFileName())), heard.errors);
    }

    @Test
    void whoMayNotRestoreCannotPressRestore() {
        TestHome.loginAs(ctx, "caregiver", Role.CAREGIVER);
        BackupViewModel caregivers =
                new BackupViewModel(ctx.backups(), new DirectTaskRunner(), heard, ctx.currentUser());
        assertFalse(caregivers.mayBackUp());
        caregivers.selected.set(dir.resolve("any.huyou-backup"));
        assertTrue(caregivers.restoreDisabled().get());
    }
}
