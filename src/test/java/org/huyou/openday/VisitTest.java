package org.huyou.openday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLabels;
import org.huyou.security.AuditLog;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-in with the rules acknowledged, numbered slips, the slip PDF, statistics and removal after retention. */
class VisitTest {

    static final LocalDate SESSION = LocalDate.of(2026, 11, 14);
    static final String MORNING = "09:00-11:00";

    @TempDir
    Path dir;
    CareStaff home;
    VisitService visits;

    @BeforeEach
    void open() {
        home = new CareStaff(dir.resolve("home"), SESSION, LocalDate.of(2015, 1, 1));
        home.as(Role.FRONT_DESK);
        visits = home.ctx.visits();
    }

    @AfterEach
    void close() {
        home.close();
    }

    VisitService.CheckIn visitor(String name, String id, boolean acknowledged) {
        return new VisitService.CheckIn(SESSION, MORNING, null, name, null, Visit.DocumentType.ID_CARD, id,
                "13900000000", 1, "前台小刘", acknowledged);
    }

    @Test
    void checkInNeedsTheRulesAcknowledgedAndAValidIdAndNumbersSlipsPerYear() throws Exception {
        assertThrows(ValidationException.class, () -> visits.checkIn(visitor("赵女士", "11010519900101234X", false)));
        assertThrows(ValidationException.class, () -> visits.checkIn(visitor("赵女士", "110105199001012345", true)));
        Visit a = visits.checkIn(visitor("赵女士", "11010519900101234x", true));
        Visit b = visits.checkIn(new VisitService.CheckIn(SESSION, MORNING, null, "李老师", "实验小学",
                Visit.DocumentType.OTHER, "教师证 2231", "13800000000", 25, "前台小刘", true));
        assertEquals("2026-0001", a.slipNo());
        assertEquals("2026-0002", b.slipNo());
        assertEquals("11010519900101234X", a.documentNo(), "normalised");
        Path slip = visits.printSlip(b.id(), dir.resolve("slips"), "滨州市儿童福利院");
        String text;
        try (PDDocument pdf = Loader.loadPDF(slip.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains("来访接待单") && text.contains("2026-0002") && text.contains("实验小学")
                && text.contains("25") && text.contains("请勿拍摄儿童照片"), text);
        List<VisitRepository.MonthStats> stats = visits.statistics(2026);
        assertEquals(1, stats.size());
        assertEquals(2, stats.get(0).visits());
        assertEquals(26, stats.get(0).visitors());
        assertEquals(1, stats.get(0).groups());
    }

    @Test
    void theSamePersonCheckedInTwiceAtOneSessionIsRefusedNamingTheFirstCheckIn() {
        Visit first = visits.checkIn(visitor("赵女士", "11010519900101234X", true));
        home.clock.advance(Duration.ofMinutes(20));
        UserFacingException twice = assertThrows(UserFacingException.class,
                () -> visits.checkIn(visitor("赵女士", "11010519900101234x", true)), "same ID, typed in lower case");
        String said = twice.userMessage();
        assertTrue(said.contains(first.slipNo()) && said.contains("赵女士") && said.contains("110105********234X"),
                said);
        assertTrue(!said.contains("11010519900101234X"), "the full ID number is not shown");
        assertEquals(1, visits.visits(SESSION).size());
        // another slot of the day is another session
        visits.checkIn(new VisitService.CheckIn(SESSION, "14:00-16:00", null, "赵女士", null,
                Visit.DocumentType.ID_CARD, "11010519900101234X", "13900000000", 1, "前台小刘", true));
        assertEquals(2, visits.visits(SESSION).size());
    }

    @Test
    void personalDataIsRemovedAfterTheRetentionPeriodKeepingTheCountsAndTheAuditSaysSo() {
        Visit zhao = visits.checkIn(visitor("赵女士", "11010519900101234X", true));
        // the slip printed where the open-day screen prints it: the data folder's "slips"
        Path slips = home.ctx.dataDir().resolve("slips");
        Path slip = visits.printSlip(zhao.id(), slips, "滨州市儿童福利院");
        assertTrue(Files.exists(slip));
        assertEquals(0, visits.removeExpiredPersonalData(), "not yet");
        assertTrue(Files.exists(slip), "kept while the visit is within the retention period");
        home.clock.advance(Duration.ofDays(181));
        Visit later = visits.checkIn(new VisitService.CheckIn(SESSION.plusDays(181), MORNING, null, "钱先生", null,
                Visit.DocumentType.OTHER, "G12345678", "13800000000", 1, "front_desk", true));
        Path laterSlip = visits.printSlip(later.id(), slips, "滨州市儿童福利院");
        home.as(Role.CAREGIVER);
        assertEquals(1, visits.removeExpiredPersonalDataAutomatically(), "at any login, whoever logs in");
        assertFalse(Files.exists(slip), "the slip carrying 来访人：赵女士 goes with the name");
        assertTrue(Files.exists(laterSlip), "a recent visitor's slip stays");
        home.as(Role.FRONT_DESK);
        assertEquals(0, visits.removeExpiredPersonalData(), "once");
        Visit v = visits.visits(SESSION).get(0);
        assertNull(v.documentNo());
        assertNull(v.phone());
        assertTrue(v.personalDataRemoved());
        assertEquals(VisitRepository.REMOVED, v.visitorName(), "the name goes too");
        assertEquals(1, v.headCount(), "the visit itself stays for the statistics");
        assertEquals(1, visits.statistics(2026).get(0).visitors());
        home.as(Role.ADMINISTRATOR);
        List<AuditEntry> rows = home.ctx.audit().browse(new AuditFilter(null, AuditLog.PERSONAL_DATA_REMOVED,
                "openday_visit", null, null, null), 10);
        assertFalse(rows.isEmpty());
        String summary = AuditLabels.summary(rows.get(0));
        assertTrue(summary.contains("1 次来访") && summary.contains("1 张已打印的接待单") && summary.contains("自动"),
                summary);
        assertEquals("按保留期限删除个人信息", AuditLabels.action(rows.get(0).action()), "the audit screen's words");
    }
}
