package org.huyou.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLog;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resident's documents through the real service, repository and migrated database (H2, or PostgreSQL). */
class DocumentServiceTest {

    @TempDir
    Path dir;

    Path files;
    MutableClock clock;
    AppContext ctx;
    Resident child;

    @BeforeEach
    void open() throws Exception {
        files = Files.createDirectories(dir.resolve("files"));
        clock = MutableClock.startingAt(TestHome.CLOCK);
        ctx = TestHome.open(dir.resolve("home"), clock);
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "李小花",
                        null,
                        Gender.FEMALE,
                        TestHome.TODAY.minusYears(6),
                        false,
                        "01",
                        null,
                        null,
                        Category.ORPHAN,
                        TestHome.TODAY.minusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        TestHome.loginAs(ctx, "social", Role.SOCIAL_WORKER);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static DocumentService.Details details(DocumentKind kind, String title) {
        return new DocumentService.Details(kind, title, TestHome.TODAY.minusDays(3), null);
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void aPdfIsStoredWithItsTypeSizeAndHashAndReadBackWhole() throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("入院登记表.pdf"), "admission", 2);
        Document d = ctx.documents().add(child.id(), details(DocumentKind.ADMISSION_FORM, "入院登记表"), pdf);
        assertEquals(ContentType.PDF, d.contentType());
        assertEquals(Files.size(pdf), d.size());
        assertEquals(sha(pdf), d.sha256());
        assertEquals("social", d.createdBy());
        assertEquals(List.of(d), ctx.documents().documents(child.id()));
        byte[] back = ctx.documents().open(d.id(), java.io.InputStream::readAllBytes);
        assertArrayEquals(Files.readAllBytes(pdf), back);
        assertEquals(
                1,
                auditCount(new AuditFilter(
                        "social", AuditLog.CREATE, "resident_document", String.valueOf(d.id()), null, null)));
        assertEquals(
                1,
                auditCount(new AuditFilter(
                        "social", AuditLog.READ, "resident_document", String.valueOf(d.id()), null, null)));
    }

    @Test
    void theTypeIsReadFromTheBytesNotTheName() throws Exception {
        Path png = TestFiles.image(files.resolve("scan.pdf"), "png");
        assertEquals(
                ContentType.PNG,
                ctx.documents()
                        .add(child.id(), details(DocumentKind.PHOTO, "照片"), png)
                        .contentType());
        Path jpg = TestFiles.image(files.resolve("photo.dat"), "jpg");
        assertEquals(
                ContentType.JPEG,
                ctx.documents()
                        .add(child.id(), details(DocumentKind.PHOTO, "照片"), jpg)
                        .contentType());
        Path tif = TestFiles.image(files.resolve("scan.tif"), "tiff");
        assertEquals(
                ContentType.TIFF,
                ctx.documents()
                        .add(child.id(), details(DocumentKind.OTHER, "扫描"), tif)
                        .contentType());

        Path text = Files.writeString(files.resolve("证明.pdf"), "not a pdf at all");
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> ctx.documents().add(child.id(), details(DocumentKind.OTHER, "证明"), text));
        assertEquals("file", e.errors().get(0).field());
        assertEquals("document.badType", e.errors().get(0).messageKey());
        assertTrue(e.userMessage().contains("证明.pdf"), e.userMessage());

        Path heic = TestFiles.heic(files.resolve("IMG_0001.HEIC"));
        ValidationException h = assertThrows(
                ValidationException.class,
                () -> ctx.documents().add(child.id(), details(DocumentKind.PHOTO, "照片"), heic));
        assertEquals("document.heic", h.errors().get(0).messageKey());

        Path empty = Files.createFile(files.resolve("empty.pdf"));
        assertEquals(
                "document.emptyFile",
                assertThrows(
                                ValidationException.class,
                                () -> ctx.documents().add(child.id(), details(DocumentKind.OTHER, "空"), empty))
                        .errors()
                        .get(0)
                        .messageKey());
        assertEquals(3, ctx.documents().documents(child.id()).size(), "nothing refused was stored");
    }

    @Test
    void aFileOverFiftyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        Path big = TestFiles.pdf(files.resolve("big.pdf"), "big", 1);
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(DocumentService.MAX_BYTES + 1); // sparse: costs no disk
        }
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> ctx.documents().add(child.id(), details(DocumentKind.OTHER, "大文件"), big));
        assertEquals("document.tooLarge", e.errors().get(0).messageKey());
        assertTrue(e.userMessage().contains("50"), e.userMessage());
    }

    @Test
    void fieldErrorsNameTheirFields() throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("a.pdf"), "a", 1);
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> ctx.documents()
                        .add(
                                child.id(),
                                new DocumentService.Details(null, " ", TestHome.TODAY.plusDays(1), TestHome.TODAY),
                                pdf));
        assertEquals(
                List.of("kind", "title", "paperDate", "validUntil"),
                e.errors().stream().map(org.huyou.common.FieldError::field).toList());
        assertTrue(e.userMessage().contains(Messages.t("document.title")), e.userMessage());
    }

    @Test
    void medicalKindsNeedTheMedicalPermission() throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("体检.pdf"), "checkup", 1);
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().add(child.id(), details(DocumentKind.MEDICAL_REPORT, "体检报告"), pdf));
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "director", Role.DIRECTOR);
        Document report = ctx.documents().add(child.id(), details(DocumentKind.MEDICAL_REPORT, "体检报告"), pdf);
        Document hukou = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.HUKOU, "户籍证明"),
                        TestFiles.pdf(files.resolve("hukou.pdf"), "hukou", 1));
        assertEquals(2, ctx.documents().documents(child.id()).size());

        ctx.login().logout();
        ctx.login().login("social", TestHome.PASSWORD.toCharArray());
        assertEquals(List.of(hukou), ctx.documents().documents(child.id()), "the medical report is not listed");
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().open(report.id(), java.io.InputStream::readAllBytes));
        assertThrows(PermissionDeniedException.class, () -> ctx.documents().export(report.id(), files));
        assertThrows(PermissionDeniedException.class, () -> ctx.documents().voidDocument(report.id(), "错"));

        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "carer", Role.CAREGIVER);
        assertThrows(PermissionDeniedException.class, () -> ctx.documents().documents(child.id()));
    }

    @Test
    void aReplacedDocumentIsVoidedAndKeptAndAVoidNeedsAReason() throws Exception {
        Document old = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(
                                DocumentKind.DISABILITY_CERTIFICATE,
                                "残疾证",
                                TestHome.TODAY.minusYears(4),
                                TestHome.TODAY.plusDays(10)),
                        TestFiles.image(files.resolve("old.png"), "png"));
        Path newer = TestFiles.image(files.resolve("new.jpg"), "jpg");
        Document fresh = ctx.documents()
                .replace(
                        old.id(),
                        "换发新证",
                        new DocumentService.Details(
                                DocumentKind.DISABILITY_CERTIFICATE,
                                "残疾证（换发）",
                                TestHome.TODAY,
                                TestHome.TODAY.plusYears(5)),
                        newer);
        assertEquals(old.id(), fresh.replacesId());
        List<Document> all = ctx.documents().documents(child.id());
        assertEquals(2, all.size());
        Document kept = all.stream().filter(d -> d.id() == old.id()).findFirst().orElseThrow();
        assertTrue(kept.voided());
        assertEquals("换发新证", kept.voidReason());
        assertEquals(old.sha256(), kept.sha256());
        assertTrue(ctx.documents().open(old.id(), java.io.InputStream::readAllBytes).length > 0, "still readable");
        assertThrows(
                org.huyou.common.UserFacingException.class,
                () -> ctx.documents()
                        .replace(old.id(), "再换", details(DocumentKind.DISABILITY_CERTIFICATE, "x"), newer));

        assertThrows(ValidationException.class, () -> ctx.documents().voidDocument(fresh.id(), " "));
        ctx.documents().voidDocument(fresh.id(), "扫描错了人");
        assertTrue(ctx.documents().documents(child.id()).stream().allMatch(Document::voided));
        assertEquals(2, auditCount(new AuditFilter("social", AuditLog.VOID, "resident_document", null, null, null)));
    }

    @Test
    void aSavedCopyIsNamedThroughTheSanitizerAndNeverOverwrites() throws Exception {
        Path pdf = TestFiles.pdf(files.resolve("in.pdf"), "copy", 1);
        Document d = ctx.documents().add(child.id(), details(DocumentKind.GUARDIANSHIP_LEGAL, "判决书/../../逃逸"), pdf);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path first = ctx.documents().export(d.id(), out);
        Path second = ctx.documents().export(d.id(), out);
        assertEquals(out.toAbsolutePath().normalize(), first.getParent());
        assertEquals(out.toAbsolutePath().normalize(), second.getParent());
        assertTrue(first.getFileName().toString().endsWith(".pdf"), first.toString());
        assertFalse(first.equals(second));
        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(first));
        assertArrayEquals(Files.readAllBytes(pdf), Files.readAllBytes(second));
        assertEquals(
                2,
                auditCount(new AuditFilter(
                        "social", AuditLog.EXPORT, "resident_document", String.valueOf(d.id()), null, null)));
    }

    @Test
    void documentsExpiringWithinThirtyDaysOrPastAreOnTheReminders() throws Exception {
        Path f = TestFiles.image(files.resolve("id.png"), "png");
        ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.ID_CARD, "身份证", null, TestHome.TODAY.plusDays(30)),
                        f);
        ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(
                                DocumentKind.DISABILITY_CERTIFICATE, "残疾证", null, TestHome.TODAY.plusDays(31)),
                        f);
        Document voided = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.OTHER, "居住证", null, TestHome.TODAY.minusDays(1)),
                        f);
        ctx.documents().voidDocument(voided.id(), "重复");

        List<Reminder> due = documentReminders();
        assertEquals(1, due.size(), due.toString());
        assertEquals(TestHome.TODAY.plusDays(30), due.get(0).due());
        assertFalse(due.get(0).overdue());
        assertTrue(due.get(0).what().contains("身份证"), due.get(0).what());

        clock.advance(Duration.ofDays(31)); // the ID card expired yesterday, the certificate expires in 30 days
        due = documentReminders();
        assertEquals(2, due.size(), due.toString());
        assertTrue(due.get(0).overdue());
        assertEquals(TestHome.TODAY.plusDays(30), due.get(0).due());
        assertFalse(due.get(1).overdue());
    }

    @Test
    void aMissingMandatoryPaperIsOnTheRemindersUntilOneInForceIsOnFile() throws Exception {
        // A found child with a recorded disability, admitted ten days ago: 残疾证 and 报案证明 are due in 20 days.
        Resident found = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "王小明",
                        null,
                        Gender.MALE,
                        TestHome.TODAY.minusYears(3),
                        true,
                        "01",
                        null,
                        null,
                        Category.ABANDONED_INFANT,
                        TestHome.TODAY.minusDays(10),
                        AdmissionSource.FOUND_ABANDONED,
                        null,
                        DisabilityType.PHYSICAL,
                        2,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        List<Reminder> due = documentReminders();
        assertEquals(1, due.size(), "one reminder for the child, none for 李小花 (no disability, not found): " + due);
        Reminder missing = due.get(0);
        assertEquals(found.id(), missing.residentId());
        assertEquals(TestHome.TODAY.plusDays(20), missing.due());
        assertFalse(missing.overdue());
        assertTrue(
                missing.what().contains(DocumentKind.DISABILITY_CERTIFICATE.label())
                        && missing.what().contains(DocumentKind.POLICE_REPORT.label()),
                missing.what());

        Document certificate = ctx.documents()
                .add(
                        found.id(),
                        details(DocumentKind.DISABILITY_CERTIFICATE, "残疾证"),
                        TestFiles.image(files.resolve("残疾证.png"), "png"));
        clock.advance(Duration.ofDays(21));
        due = documentReminders();
        assertEquals(1, due.size(), due.toString());
        assertTrue(due.get(0).overdue(), "past the 30 days after admission");
        assertFalse(
                due.get(0).what().contains(DocumentKind.DISABILITY_CERTIFICATE.label()),
                due.get(0).what());
        assertTrue(
                due.get(0).what().contains(DocumentKind.POLICE_REPORT.label()),
                due.get(0).what());

        ctx.documents()
                .add(
                        found.id(),
                        details(DocumentKind.POLICE_REPORT, "弃婴报案证明"),
                        TestFiles.pdf(files.resolve("报案证明.pdf"), "police", 1));
        assertTrue(documentReminders().isEmpty(), documentReminders().toString());

        ctx.documents().voidDocument(certificate.id(), "扫错了孩子");
        due = documentReminders();
        assertEquals(1, due.size(), "a voided paper is not on file");
        assertTrue(
                due.get(0).what().contains(DocumentKind.DISABILITY_CERTIFICATE.label()),
                due.get(0).what());
    }

    @Test
    void aDocumentIsLinkedToACareEntryOnlyByWhoMayReadTheEntry() throws Exception {
        // The social worker reads incidents, not medical records: the injury's photo, not the surgery's consent.
        var injury = ctx.incidents()
                .report(
                        child.id(),
                        new org.huyou.care.incident.IncidentService.Report(
                                TestHome.TODAY.minusDays(2),
                                null,
                                org.huyou.care.incident.Incident.Kind.INJURY,
                                org.huyou.care.incident.Incident.Severity.MINOR,
                                "操场",
                                "摔倒擦伤膝盖",
                                "清洗包扎",
                                false,
                                null,
                                null,
                                null));
        List<CareEntry.Target> targets = ctx.documents().linkTargets(child.id());
        assertEquals(
                List.of(CareEntry.INCIDENT),
                targets.stream().map(CareEntry.Target::entry).toList());
        Document photo = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.PHOTO, "膝盖擦伤"),
                        TestFiles.image(files.resolve("knee.jpg"), "jpg"),
                        targets.get(0));
        assertEquals(List.of(photo), ctx.documents().linkedTo(CareEntry.INCIDENT, injury.id()));
        assertEquals(
                java.util.Map.of(DocumentService.key(CareEntry.INCIDENT, injury.id()), 1),
                ctx.documents().linkCounts(child.id()));

        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        Resident other = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "赵小军",
                        null,
                        Gender.MALE,
                        TestHome.TODAY.minusYears(5),
                        false,
                        "01",
                        null,
                        null,
                        Category.ORPHAN,
                        TestHome.TODAY.minusYears(1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
        var surgery = ctx.medicalRecords()
                .add(
                        child.id(),
                        org.huyou.care.medical.MedicalRecord.Kind.SURGERY,
                        TestHome.TODAY.minusDays(5),
                        "唇裂修复术",
                        null,
                        null,
                        null);
        ctx.login().logout();
        ctx.login().login("social", TestHome.PASSWORD.toCharArray());
        Document consent = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.OTHER, "手术知情同意（扫描）"),
                        TestFiles.pdf(files.resolve("consent.pdf"), "consent", 1));
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().link(consent.id(), CareEntry.MEDICAL_RECORD, surgery.id()),
                "the surgery is not the social worker's to see");
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().linkedTo(CareEntry.MEDICAL_RECORD, surgery.id()));

        ctx.login().logout();
        ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
        ctx.documents().link(consent.id(), CareEntry.MEDICAL_RECORD, surgery.id());
        ctx.documents().link(consent.id(), CareEntry.MEDICAL_RECORD, surgery.id()); // twice: still one link
        assertEquals(List.of(consent), ctx.documents().linkedTo(CareEntry.MEDICAL_RECORD, surgery.id()));
        assertEquals(2, ctx.documents().linkCounts(child.id()).size());
        assertEquals(
                "document.linkOtherResident",
                assertThrows(
                                org.huyou.common.UserFacingException.class,
                                () -> ctx.documents()
                                        .add(
                                                other.id(),
                                                details(DocumentKind.OTHER, "别人的"),
                                                TestFiles.pdf(files.resolve("other.pdf"), "other", 1),
                                                new CareEntry.Target(CareEntry.MEDICAL_RECORD, surgery.id(), null, "")))
                        .messageKey());
        assertTrue(ctx.documents().documents(other.id()).isEmpty(), "a refused link keeps the file out too");

        ctx.documents().unlink(consent.id(), CareEntry.MEDICAL_RECORD, surgery.id());
        assertTrue(
                ctx.documents().linkedTo(CareEntry.MEDICAL_RECORD, surgery.id()).isEmpty());
        assertEquals(
                2,
                auditCount(new AuditFilter(
                        "nurse", AuditLog.EDIT, "resident_document", String.valueOf(consent.id()), null, null)),
                "linked once and unlinked once, both audited");
    }

    @Test
    void thumbnailsAreAnImageScaledDownAndAPdfsFirstPage() throws Exception {
        Document big = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.PHOTO, "大照片"),
                        TestFiles.image(files.resolve("big.png"), "png", 3000, 2000));
        java.awt.image.BufferedImage t = ctx.documents().thumbnail(big.id(), 48);
        assertEquals(48, t.getWidth());
        assertEquals(32, t.getHeight(), "the proportions kept");
        Document tif = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.OTHER, "扫描"),
                        TestFiles.image(files.resolve("scan.tif"), "tiff", 1200, 1600));
        assertEquals(48, ctx.documents().thumbnail(tif.id(), 48).getHeight());
        Document pdf = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.ADMISSION_FORM, "入院登记表"),
                        TestFiles.pdf(files.resolve("form.pdf"), "form", 2));
        java.awt.image.BufferedImage page = ctx.documents().thumbnail(pdf.id(), 48);
        assertTrue(
                page.getHeight() <= 48 && page.getHeight() >= 47 && page.getWidth() < page.getHeight(),
                page.getWidth() + "x" + page.getHeight());
    }

    /** 打印…: a PDF goes to the printer as it is stored, an image on one page; each printing audited. */
    @Test
    void aDocumentForThePrinterIsThePdfAsStoredOrTheImageOnOnePageAndIsAudited() throws Exception {
        Path form = TestFiles.pdf(files.resolve("form.pdf"), "form", 2);
        Document pdf = ctx.documents().add(child.id(), details(DocumentKind.ADMISSION_FORM, "入院登记表"), form);
        assertArrayEquals(Files.readAllBytes(form), ctx.documents().printable(pdf.id()));
        Document photo = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.PHOTO, "照片"),
                        TestFiles.image(files.resolve("photo.png"), "png", 3000, 2000));
        byte[] page = ctx.documents().printable(photo.id());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(page)) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(
                    doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(),
                    "the photo drawn on the page");
        }
        for (Document d : List.of(pdf, photo)) {
            assertEquals(
                    1,
                    auditCount(new AuditFilter(
                            "social", AuditLog.EXPORT, "resident_document", String.valueOf(d.id()), null, null)));
        }
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().printable(pdf.id()),
                "who may not save a copy may not print one");
    }

    @Test
    void anImageIsReducedOnRequestAndOnlyThen() throws Exception {
        Path big = TestFiles.image(files.resolve("photo.jpg"), "jpg", 4000, 3000);
        Document kept = ctx.documents().add(child.id(), details(DocumentKind.PHOTO, "原图"), big);
        assertEquals(sha(big), kept.sha256(), "not asked: the file as it is");
        Document reduced = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.PHOTO, "缩小", TestHome.TODAY, null, true),
                        big);
        assertEquals(ContentType.JPEG, reduced.contentType());
        assertTrue(reduced.size() < kept.size(), reduced.size() + " < " + kept.size());
        java.awt.image.BufferedImage back = ctx.documents().open(reduced.id(), javax.imageio.ImageIO::read);
        assertEquals(DocumentService.REDUCED_SIDE, back.getWidth());
        assertEquals(1500, back.getHeight());
        byte[] stored = ctx.documents().open(reduced.id(), java.io.InputStream::readAllBytes);
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)),
                reduced.sha256(),
                "size and hash are the stored bytes'");

        Path small = TestFiles.image(files.resolve("small.png"), "png", 800, 600);
        Document same = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.PHOTO, "小图", TestHome.TODAY, null, true),
                        small);
        assertEquals(sha(small), same.sha256(), "small enough: kept as it is");
        Path pdf = TestFiles.pdf(files.resolve("scan.pdf"), "scan", 1);
        assertEquals(
                sha(pdf),
                ctx.documents()
                        .add(
                                child.id(),
                                new DocumentService.Details(DocumentKind.OTHER, "扫描", TestHome.TODAY, null, true),
                                pdf)
                        .sha256(),
                "a PDF is never changed");
    }

    @Test
    void idCardsAndHouseholdRegistersNeedTheIdNumberPermission() throws Exception {
        Path f = TestFiles.image(files.resolve("scan.png"), "png");
        Document card = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.ID_CARD, "身份证", null, TestHome.TODAY.plusDays(10)),
                        f);
        Document hukou = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(DocumentKind.HUKOU, "户口簿", null, TestHome.TODAY.plusDays(20)),
                        f);
        Document form = ctx.documents().add(child.id(), details(DocumentKind.ADMISSION_FORM, "入院登记表"), f);
        assertEquals(2, documentReminders().size());

        // A home takes the ID numbers from its social workers: DOCUMENTS VIEW stays, ID_NUMBERS VIEW goes.
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        ctx.accounts()
                .setPermission(
                        Role.SOCIAL_WORKER,
                        org.huyou.security.Permission.of(
                                org.huyou.security.AppModule.ID_NUMBERS, org.huyou.security.Action.VIEW),
                        false);
        ctx.login().logout();
        ctx.login().login("social", TestHome.PASSWORD.toCharArray());
        assertEquals(
                List.of(form), ctx.documents().documents(child.id()), "the scans with the ID number are not listed");
        for (Document d : List.of(card, hukou)) {
            assertThrows(
                    PermissionDeniedException.class,
                    () -> ctx.documents().open(d.id(), java.io.InputStream::readAllBytes));
            assertThrows(PermissionDeniedException.class, () -> ctx.documents().export(d.id(), files));
            assertThrows(PermissionDeniedException.class, () -> ctx.documents().voidDocument(d.id(), "错了"));
        }
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents().add(child.id(), details(DocumentKind.ID_CARD, "身份证背面"), f));
        assertTrue(documentReminders().isEmpty(), "nor named on the reminders");
    }

    @Test
    void aReplacementKeepsTheOldTitleAndDatesWhereItsFormIsBlank() throws Exception {
        Document old = ctx.documents()
                .add(
                        child.id(),
                        new DocumentService.Details(
                                DocumentKind.DISABILITY_CERTIFICATE,
                                "残疾证",
                                TestHome.TODAY.minusYears(4),
                                TestHome.TODAY.plusDays(10)),
                        TestFiles.image(files.resolve("old.png"), "png"));
        Document fresh = ctx.documents()
                .replace(
                        old.id(),
                        "重新扫描，更清楚",
                        new DocumentService.Details(null, " ", null, null),
                        TestFiles.image(files.resolve("new.png"), "png"));
        assertEquals(DocumentKind.DISABILITY_CERTIFICATE, fresh.kind());
        assertEquals("残疾证", fresh.title());
        assertEquals(TestHome.TODAY.minusYears(4), fresh.paperDate());
        assertEquals(TestHome.TODAY.plusDays(10), fresh.validUntil(), "the expiry is not silently dropped");
        assertEquals(1, documentReminders().size(), "still reminded of");
        Document renewed = ctx.documents()
                .replace(
                        fresh.id(),
                        "换发新证",
                        new DocumentService.Details(null, null, TestHome.TODAY, TestHome.TODAY.plusYears(5)),
                        TestFiles.image(files.resolve("newer.png"), "png"));
        assertEquals(TestHome.TODAY.plusYears(5), renewed.validUntil(), "what is given replaces the old");
        assertEquals("残疾证", renewed.title());
    }

    @Test
    void replacingVoidsTheOldVersionSoItNeedsTheRightToVoid() throws Exception {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF); // DOCUMENTS VIEW and CREATE, not VOID
        Document report = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.MEDICAL_REPORT, "体检报告"),
                        TestFiles.pdf(files.resolve("体检.pdf"), "checkup", 1));
        Path newer = TestFiles.pdf(files.resolve("体检2.pdf"), "checkup v2", 1);
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.documents()
                        .replace(report.id(), "补充结果", details(DocumentKind.MEDICAL_REPORT, "体检报告"), newer));
        assertEquals(List.of(report), ctx.documents().documents(child.id()), "nothing added, nothing voided");
    }

    @Test
    void aLongChineseTitleIsSavedAsACopyTwiceUnderTwoNames() throws Exception {
        String title = "儿童福利院入院材料".repeat(23).substring(0, 200);
        Document d = ctx.documents()
                .add(
                        child.id(),
                        details(DocumentKind.OTHER, title),
                        TestFiles.pdf(files.resolve("long.pdf"), "long", 1));
        Path out = Files.createDirectories(dir.resolve("long-out"));
        // Before the fix the second name was cut back to the first and the search for a free name never ended.
        List<Path> written = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> List.of(
                        ctx.documents().export(d.id(), out), ctx.documents().export(d.id(), out)));
        assertFalse(written.get(0).equals(written.get(1)));
        assertTrue(
                written.get(1).getFileName().toString().endsWith(" (2).pdf"),
                written.get(1).toString());
        try (var listed = Files.list(out)) {
            assertEquals(2, listed.count());
        }
    }

    /** Audit rows matching, read by the administrator (the social worker does not read the log). */
    private int auditCount(AuditFilter filter) {
        String back = ctx.currentUser().username();
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        int n = ctx.audit().count(filter);
        ctx.login().logout();
        ctx.login().login(back, TestHome.PASSWORD.toCharArray());
        return n;
    }

    private List<Reminder> documentReminders() {
        return ctx.reminders().due().stream()
                .filter(r -> r.domain() == CareDomain.DOCUMENTS)
                .toList();
    }
}
