package org.huyou.security.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditLabels;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log without controls, on a real home: a filter narrows the page and the count, the chain is whole. */
class AuditViewModelTest {

    @TempDir
    Path dir;

    AppContext ctx;
    HeardNotices heard = new HeardNotices();
    AuditViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(dir.resolve("home"));
        ctx.accounts().create("cw", "孙会计", TestHome.PASSWORD, EnumSet.of(Role.FINANCE_OFFICER));
        vm = new AuditViewModel(ctx.audit(), new DirectTaskRunner(), heard, ctx.currentUser());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aFilterNarrowsThePageAndTheCountSaysOfHowMany() {
        vm.refresh();
        int all = vm.rows().size();
        assertTrue(all > 1, "the home's set-up and the account are logged");
        assertEquals(Messages.t("audit.count", all, all), vm.count().get());
        assertTrue(vm.chain().get().startsWith("审计记录完整"), vm.chain().get());
        assertFalse(vm.chainBroken().get());

        vm.action.set("CREATE");
        vm.record.set("");
        vm.refresh();
        int created = vm.rows().size();
        assertTrue(created >= 1 && created < all, created + " of " + all);
        assertTrue(vm.rows().stream().allMatch(e -> "CREATE".equals(e.action())));
        assertEquals(
                Messages.t("audit.countFiltered", created, created, all),
                vm.count().get());
        assertEquals(List.of(), heard.errors);
    }

    @Test
    void theSelectedEntryIsShownInFullAndTheWholeChainIsChecked() {
        vm.refresh();
        assertEquals("", vm.detail().get());
        AuditEntry account = vm.rows().stream()
                .filter(e -> "cw".equals(AuditLabels.summary(e)))
                .findFirst()
                .orElseThrow();
        vm.selected.set(account);
        assertEquals(AuditLabels.details(account), vm.detail().get());
        assertTrue(vm.detail().get().contains("孙会计"), vm.detail().get());

        vm.verifyFullChain();
        assertTrue(vm.chain().get().startsWith("审计记录完整"), vm.chain().get());
    }

    @Test
    void theExportWritesWhatTheFiltersMatch() throws Exception {
        assertTrue(vm.mayExport(), "the administrator exports");
        vm.username.set("admin");
        vm.refresh();
        int mine = vm.rows().size();
        assertTrue(mine > 0 && vm.rows().stream().allMatch(e -> "admin".equals(e.username())));
        Path file = dir.resolve("audit-log.csv");
        vm.export(file);
        assertTrue(Files.size(file) > 0);
        assertEquals(List.of(Messages.t("export.done", mine, file.toFile())), heard.said);
    }
}
