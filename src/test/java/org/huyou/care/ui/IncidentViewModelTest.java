package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huyou.care.incident.Incident;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The incidents tab without controls, on a real home: a suspected abuse always carries the mandatory report, a time
 * that cannot be read is refused with what was typed, and the report is recorded for the selected incident.
 */
class IncidentViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.SOCIAL_WORKER);

    final HeardNotices heard = home.heard;
    IncidentViewModel vm;

    @BeforeEach
    void open() {
        vm = new IncidentViewModel(home.ctx().incidents(), true, home.tasks, heard, home.clock());
        vm.show(home.child().id());
    }

    @Test
    void aSuspectedAbuseIsAlwaysReportedAndItsReportIsRecordedWhenMade() {
        assertFalse(vm.mandatory.get());
        vm.kind.set(Incident.Kind.SUSPECTED_ABUSE);
        assertTrue(vm.mandatory.get(), "ticked");
        assertTrue(vm.mandatoryFixedProperty().get(), "and cannot be unticked");
        vm.time.set("25:99");
        vm.description.set("手臂上有多处不明淤青");
        vm.report();
        assertEquals("时间：“25:99”不是有效时间，请按 16:30 的格式填写。", heard.last(), "the sentence names the field");
        assertTrue(vm.incidents().isEmpty());
        assertEquals("手臂上有多处不明淤青", vm.description.get(), "the form is kept");

        vm.time.set("08:15");
        assertNull(vm.severity.get(), "a severity is chosen by who reports, never guessed");
        vm.report();
        assertTrue(heard.last().startsWith(org.huyou.common.Messages.t("incident.severity")), heard.last());
        assertTrue(vm.incidents().isEmpty());
        vm.severity.set(Incident.Severity.SERIOUS);
        vm.report();
        assertEquals(2, heard.errors.size(), heard.errors.toString());
        assertEquals(1, vm.incidents().size());
        Incident i = vm.incidents().get(0);
        assertTrue(i.mandatoryReport());
        assertNull(i.reportedAt(), "still to report");
        assertEquals("", vm.description.get());
        assertEquals("", vm.time.get());
        assertEquals(Incident.Kind.values()[0], vm.kind.get(), "the form starts again");
        assertNull(vm.severity.get(), "its severity unchosen again");
        assertFalse(vm.mandatory.get());

        vm.incident.set(i);
        vm.reportTime.set("四点");
        vm.recordReport();
        assertEquals("报告时间：“四点”不是有效时间，请按 16:30 的格式填写。", heard.last());
        vm.reportTo.set(Incident.ReportedTo.PUBLIC_SECURITY);
        vm.reportDetail.set("已电话报告派出所");
        vm.reportTime.set("08:40");
        vm.recordReport();
        assertEquals(3, heard.errors.size(), heard.errors.toString());
        Incident reported = vm.incidents().get(0);
        assertEquals(LocalDateTime.of(DAY, LocalTime.of(8, 40)), reported.reportedAt());
        assertEquals(Incident.ReportedTo.PUBLIC_SECURITY, reported.reportedTo());
        assertEquals("", vm.reportDetail.get());
    }

    @Test
    void whoMayNotReadTheFileReportsWithoutSeeingTheList() {
        home.as(Role.CAREGIVER);
        IncidentViewModel reporter =
                new IncidentViewModel(home.ctx().incidents(), false, home.tasks, heard, home.clock());
        reporter.show(home.child().id());
        reporter.kind.set(Incident.Kind.INJURY);
        reporter.description.set("玩耍时摔倒擦伤膝盖");
        reporter.severity.set(Incident.Severity.MINOR);
        reporter.report();
        assertEquals(List.of(), heard.errors);
        assertTrue(reporter.incidents().isEmpty(), "reported, not shown");
        home.as(Role.SOCIAL_WORKER);
        assertEquals(1, home.ctx().incidents().incidents(home.child().id()).size());
    }
}
