package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.huyou.app.DirectSql;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.TomorrowPlanApplication;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 明天计划 pane without controls, on a real home: an application recorded and the condition cleared, the approval
 * allowed only for a pending one selected, an amount typed in words refused naming its field with nothing approved,
 * the approval recorded with its fields cleared, and the application voided.
 */
class TomorrowPlanViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, LocalDate.of(2020, 1, 15), Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    MedicalRecordService records;
    TomorrowPlanViewModel vm;
    long child;
    int changes;

    @BeforeEach
    void open() {
        records = home.ctx().medicalRecords();
        child = home.child().id();
        // as the medical tab does when told of a change: it reloads and fills the pane again
        vm = new TomorrowPlanViewModel(records, home.tasks, heard, DAY, () -> {
            changes++;
            vm.fill(child, records.tomorrowPlanApplications(child));
        });
        vm.fill(child, List.of());
    }

    @Test
    void anApplicationIsRecordedApprovedAndVoided() {
        assertEquals(DAY, vm.appliedOn.get());
        assertEquals(DAY, vm.approvedOn.get());
        vm.condition.set("先天性心脏病（房间隔缺损）");
        vm.apply();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, changes);
        assertEquals("", vm.condition.get(), "the condition is cleared once recorded");
        assertEquals(1, vm.applications().size());
        TomorrowPlanApplication pending = vm.applications().get(0);
        assertEquals("先天性心脏病（房间隔缺损）", pending.condition());
        assertEquals(DAY, pending.appliedOn());

        assertTrue(vm.cannotApprove().get(), "nothing selected, nothing to approve");
        vm.selected.set(pending);
        assertFalse(vm.cannotApprove().get());

        vm.hospital.set("滨州医学院附属医院");
        vm.operationOn.set(DAY.plusDays(10));
        vm.amount.set("七千");
        vm.approve();
        assertEquals(1, heard.errors.size());
        assertTrue(heard.last().startsWith("资助金额（元）："), "names the field with its currency: " + heard.last());
        assertEquals("七千", vm.amount.get(), "the text is kept to be corrected");
        assertEquals("滨州医学院附属医院", vm.hospital.get());
        assertEquals(1, changes);
        assertTrue(records.tomorrowPlanApplications(child).get(0).pending());

        vm.amount.set("30,000");
        vm.approve();
        assertEquals(1, heard.errors.size(), heard.errors.toString());
        assertEquals(2, changes);
        TomorrowPlanApplication approved = vm.applications().get(0);
        assertEquals(TomorrowPlanApplication.Status.APPROVED, approved.status());
        assertEquals("滨州医学院附属医院", approved.hospital());
        assertEquals(DAY.plusDays(10), approved.operationDate());
        assertEquals(0, new BigDecimal("30000").compareTo(approved.amount()));
        assertEquals("", vm.hospital.get());
        assertEquals("", vm.amount.get());
        assertNull(vm.operationOn.get());
        vm.selected.set(approved);
        assertTrue(vm.cannotApprove().get(), "an approved application is not approved again");

        vm.voidApplication(approved, "家属撤回");
        assertTrue(records.tomorrowPlanApplications(child).get(0).voided());

        vm.clear();
        assertTrue(vm.applications().isEmpty());
        vm.condition.set("脊柱侧弯");
        vm.apply();
        assertEquals(1, records.tomorrowPlanApplications(child).size(), "no child shown, nothing recorded");
    }

    /**
     * The operation date is often unknown when the plan approves: the approval is recorded without it (it was
     * refused as 请填写手术日期); one given is still checked and kept.
     */
    @Test
    void anApprovalNeedsNoOperationDate() {
        vm.condition.set("脊柱侧弯");
        vm.apply();
        vm.selected.set(vm.applications().get(0));
        vm.hospital.set("滨州医学院附属医院");
        vm.operationOn.set(null);
        vm.amount.set("30,000");
        vm.approve();
        assertEquals(List.of(), heard.errors);
        TomorrowPlanApplication approved = vm.applications().get(0);
        assertEquals(TomorrowPlanApplication.Status.APPROVED, approved.status());
        assertNull(approved.operationDate());
        assertEquals(0, new BigDecimal("30000").compareTo(approved.amount()));
    }

    /**
     * An approval recorded without an operation date gets it later, once: refused without a date or with one before
     * the application (naming the field), then recorded and audited; a fixed date is not overwritten this way, and a
     * pending application has no date to fix.
     */
    @Test
    void anOperationDateLeftOpenAtApprovalIsRecordedLater() {
        vm.condition.set("唇腭裂");
        vm.apply();
        vm.selected.set(vm.applications().get(0));
        assertTrue(vm.cannotFixOperationDate().get(), "a pending application: approve it first");
        vm.hospital.set("滨州医学院附属医院");
        vm.amount.set("12,000");
        vm.approve();
        TomorrowPlanApplication open = vm.applications().get(0);
        assertNull(open.operationDate());
        vm.selected.set(open);
        assertFalse(vm.cannotFixOperationDate().get());

        vm.fixOperationDate();
        assertEquals(1, heard.errors.size());
        assertEquals("请填写手术日期。", heard.last());
        vm.operationOn.set(DAY.minusDays(1));
        vm.fixOperationDate();
        assertEquals(2, heard.errors.size());
        assertTrue(heard.last().startsWith("手术日期：不能早于申请日期"), heard.last());
        assertNull(records.tomorrowPlanApplications(child).get(0).operationDate(), "nothing written");

        vm.operationOn.set(DAY.plusDays(20));
        vm.fixOperationDate();
        assertEquals(2, heard.errors.size(), heard.errors.toString());
        TomorrowPlanApplication fixed = vm.applications().get(0);
        assertEquals(DAY.plusDays(20), fixed.operationDate());
        assertEquals(TomorrowPlanApplication.Status.APPROVED, fixed.status());
        assertNull(vm.operationOn.get(), "the field is cleared once recorded");
        assertEquals(2, auditEdits(fixed.id()), "the approval and the date, each audited");

        vm.selected.set(fixed);
        assertTrue(vm.cannotFixOperationDate().get(), "a fixed date is not fixed again");
        vm.operationOn.set(DAY.plusDays(30));
        vm.selected.set(open); // the stale row, as a screen could still hold it
        vm.fixOperationDate();
        assertEquals(3, heard.errors.size());
        assertEquals(
                DAY.plusDays(20), records.tomorrowPlanApplications(child).get(0).operationDate());
    }

    private int auditEdits(long id) {
        try (Connection c = DirectSql.connect(home.ctx());
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = 'EDIT' "
                        + "AND entity = 'tomorrow_plan_application' AND entity_id = ?")) {
            ps.setString(1, String.valueOf(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anApplicationWithoutAConditionIsRefused() {
        vm.apply();
        assertEquals(1, heard.errors.size());
        assertTrue(heard.last().contains("申请病种/项目"), heard.last());
        assertEquals(0, changes);
        assertTrue(vm.applications().isEmpty());
    }

    /**
     * A tester's second application was dated as the first, and so was the next child's: after a save both forms
     * start again at today, another child's pane too, and each save says so as the other forms do.
     */
    @Test
    void theFormsStartAgainAtTodayAfterASaveAndForAnotherChildAndEachSaveIsSaid() {
        vm.condition.set("先天性心脏病");
        vm.appliedOn.set(DAY.minusDays(12));
        vm.apply();
        assertEquals(List.of(), heard.errors);
        assertEquals(DAY.minusDays(12), vm.applications().get(0).appliedOn(), "saved as typed");
        assertEquals(DAY, vm.appliedOn.get(), "the next application is not dated as this one");
        assertEquals(List.of(Messages.t("tomorrowPlan.applied", "先天性心脏病")), heard.said);

        vm.selected.set(vm.applications().get(0));
        vm.approvedOn.set(DAY.minusDays(2));
        vm.hospital.set("滨州医学院附属医院");
        vm.amount.set("8,000");
        vm.approve();
        assertEquals(List.of(), heard.errors);
        assertEquals(DAY, vm.approvedOn.get());
        assertEquals(Messages.t("tomorrowPlan.approvalRecorded", "先天性心脏病"), heard.said.get(1));

        vm.appliedOn.set(DAY.minusDays(4));
        vm.approvedOn.set(DAY.minusDays(4));
        vm.operationOn.set(DAY.plusDays(4));
        vm.fill(child + 1000, List.of());
        assertEquals(DAY, vm.appliedOn.get(), "another child's application starts at today");
        assertEquals(DAY, vm.approvedOn.get());
        assertNull(vm.operationOn.get());
        vm.appliedOn.set(DAY.minusDays(4));
        vm.fill(child + 1000, List.of()); // the same child reloaded keeps the form
        assertEquals(DAY.minusDays(4), vm.appliedOn.get());
    }
}
