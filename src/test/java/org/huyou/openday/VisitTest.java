package org.huyou.openday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.app.DirectSql;
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
        return new VisitService.CheckIn(
                SESSION,
                MORNING,
                null,
                name,
                null,
                Visit.DocumentType.ID_CARD,
                id,
                "13900000000",
                1,
                "前台小刘",
                acknowledged);
    }

    @Test
    void checkInNeedsTheRulesAcknowledgedAndAValidIdAndNumbersSlipsPerYear() throws Exception {
        assertThrows(ValidationException.class, () -> visits.checkIn(visitor("赵女士", "11010519900101234X", false)));
        assertThrows(ValidationException.class, () -> visits.checkIn(visitor("赵女士", "110105199001012345", true)));
        Visit a = visits.checkIn(visitor("赵女士", "11010519900101234x", true));
        Visit b = visits.checkIn(new VisitService.CheckIn(
                SESSION,
                MORNING,
                null,
                "李老师",
                "实验小学",
                Visit.DocumentType.OTHER,
                "教师证 2231",
                "13800000000",
                25,
                "前台小刘",
                true));
        assertEquals("2026-0001", a.slipNo());
        assertEquals("2026-0002", b.slipNo());
        assertEquals("11010519900101234X", a.documentNo(), "normalised");
        Path slip = visits.printSlip(b.id(), dir.resolve("slips"), "滨州市儿童福利院");
        String text;
        try (PDDocument pdf = Loader.loadPDF(slip.toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(
                text.contains("来访接待单")
                        && text.contains("2026-0002")
                        && text.contains("实验小学")
                        && text.contains("25")
                        && text.contains("请勿拍摄儿童照片"),
                text);
        List<VisitMonth> stats = visits.statistics(2026);
        assertEquals(1, stats.size());
        assertEquals(2, stats.get(0).visits());
        assertEquals(26, stats.get(0).visitors());
        assertEquals(1, stats.get(0).groups());
    }

    @Test
    void theSamePersonCheckedInTwiceAtOneSessionIsRefusedNamingTheFirstCheckIn() {
        Visit first = visits.checkIn(visitor("赵女士", "11010519900101234X", true));
        home.clock.advance(Duration.ofMinutes(20));
        UserFacingException twice = assertThrows(
                UserFacingException.class,
                () -> visits.checkIn(visitor("赵女士", "11010519900101234x", true)),
                "same ID, typed in lower case");
        String said = twice.userMessage();
        assertTrue(said.contains(first.slipNo()) && said.contains("赵女士") && said.contains("110105************"), said);
        assertTrue(!said.contains("11010519900101234X"), "the full ID number is not shown");
        assertEquals(1, visits.visits(SESSION).size());
        // another slot of the day is another session
        visits.checkIn(new VisitService.CheckIn(
                SESSION,
                "14:00-16:00",
                null,
                "赵女士",
                null,
                Visit.DocumentType.ID_CARD,
                "11010519900101234X",
                "13900000000",
                1,
                "前台小刘",
                true));
        assertEquals(2, visits.visits(SESSION).size());
    }

    /** A visit as another desk's program would insert it, with its own slip number. */
    static Visit otherDesk(String name, String id, String slipNo) {
        return new Visit(
                0,
                SESSION,
                MORNING,
                null,
                name,
                null,
                Visit.DocumentType.ID_CARD,
                id,
                "13900000000",
                1,
                "前台小王",
                slipNo,
                SESSION.atTime(9, 5),
                false);
    }

    @Test
    void theDatabaseItselfRefusesASecondCheckInOfOneDocumentAtOneSession() throws Exception {
        try (Connection c = DirectSql.connect(home.ctx)) {
            databaseRefusesTheSecondCheckIn(new VisitRepository(DirectSql.jooq(home.ctx, c)));
        }
    }

    private void databaseRefusesTheSecondCheckIn(VisitRepository repo) {
        visits.checkIn(visitor("赵女士", "11010519900101234X", true));
        assertThrows(
                VisitRepository.DuplicateCheckIn.class,
                () -> repo.insert(otherDesk("赵女士", "11010519900101234X", "2026-9001"), "front_desk"),
                "the unique index, not only the service's look-up");
        assertEquals(1, visits.visits(SESSION).size());
        // the same person at another slot, and documents removed after retention (NULL), never collide
        repo.insert(
                new Visit(
                        0,
                        SESSION,
                        "14:00-16:00",
                        null,
                        "赵女士",
                        null,
                        Visit.DocumentType.ID_CARD,
                        "11010519900101234X",
                        null,
                        1,
                        "前台小王",
                        "2026-9002",
                        SESSION.atTime(14, 5),
                        false),
                "front_desk");
        repo.insert(otherDesk("钱先生", null, "2026-9003"), "front_desk");
        repo.insert(otherDesk("孙女士", null, "2026-9004"), "front_desk");
        assertEquals(4, visits.visits(SESSION).size());
    }

    @Test
    void twoDesksCheckingInOnePersonAtOnceGiveOneCheckInAndTheTranslatedRefusal() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService desks = Executors.newFixedThreadPool(2);
        try {
            // the other desk has inserted its check-in and not yet committed: this desk's look-up cannot see it
            Future<?> other = desks.submit(() -> {
                try (Connection c = DirectSql.connect(home.ctx)) {
                    c.setAutoCommit(false);
                    new VisitRepository(DirectSql.jooq(home.ctx, c))
                            .insert(otherDesk("赵女士", "11010519900101234X", "2026-9001"), "front_desk");
                    inserted.countDown();
                    commit.await(30, TimeUnit.SECONDS);
                    c.commit();
                }
                return null;
            });
            assertTrue(inserted.await(30, TimeUnit.SECONDS));
            Future<Visit> mine = desks.submit(() -> visits.checkIn(visitor("赵女士", "11010519900101234X", true)));
            Thread.sleep(1500); // this desk looks up, finds nothing committed, and waits on the index
            commit.countDown();
            other.get(30, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> mine.get(30, TimeUnit.SECONDS));
            UserFacingException said = assertInstanceOf(UserFacingException.class, refused.getCause());
            assertEquals("visit.alreadyCheckedIn", said.messageKey());
            assertTrue(said.userMessage().contains("2026-9001"), said.userMessage());
        } finally {
            desks.shutdownNow();
        }
        assertEquals(1, visits.visits(SESSION).size());
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
        Visit later = visits.checkIn(new VisitService.CheckIn(
                SESSION.plusDays(181),
                MORNING,
                null,
                "钱先生",
                null,
                Visit.DocumentType.OTHER,
                "G12345678",
                "13800000000",
                1,
                "front_desk",
                true));
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
        List<AuditEntry> rows = home.ctx
                .audit()
                .browse(new AuditFilter(null, AuditLog.PERSONAL_DATA_REMOVED, "openday_visit", null, null, null), 10);
        assertFalse(rows.isEmpty());
        String summary = AuditLabels.summary(rows.get(0));
        assertTrue(summary.contains("1 次来访") && summary.contains("1 张已打印的接待单") && summary.contains("自动"), summary);
        assertEquals("按保留期限删除个人信息", AuditLabels.action(rows.get(0).action()), "the audit screen's words");
    }
}
