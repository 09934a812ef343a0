package org.huyou.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.StatusEvent;
import org.huyou.security.AuditFilter;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.transition.io.TransitionDocuments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Assess, decide, approve (only then tasks and payments), decide again, leave and follow up; who may do what. */
class TransitionServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate BORN = LocalDate.of(2009, 6, 10);
    static final LocalDate EIGHTEENTH = LocalDate.of(2027, 6, 10);

    @TempDir
    Path dir;

    CareStaff home;
    TransitionService transition;
    TransitionDocuments papers;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, BORN);
        home.as(Role.SOCIAL_WORKER);
        transition = home.ctx.transition();
        papers = home.ctx.transitionDocuments();
    }

    @AfterEach
    void close() {
        home.close();
    }

    long child() {
        return home.child.id();
    }

    /** Residents in family foster care are still the home's wards: on the dashboard from 16, and as adults. */
    @Test
    void residentsInFamilyFosterCareAreOnTheDashboardFromSixteen() {
        long adult = fosterChild("李寄养", TODAY.minusYears(18).minusMonths(1));
        long sixteen = fosterChild("赵寄养", TODAY.minusYears(16).minusDays(3));
        long fifteen = fosterChild("钱寄养", TODAY.minusYears(16).plusDays(3));
        TransitionService.Dashboard d = transition.dashboard();
        assertTrue(d.adults().stream().anyMatch(r -> r.residentId() == adult), "the 18-year-old in foster care");
        assertTrue(d.turning().stream().anyMatch(r -> r.residentId() == sixteen), "16 and in foster care");
        assertTrue(d.turning().stream().noneMatch(r -> r.residentId() == fifteen), "not yet 16");
    }

    long fosterChild(String name, LocalDate born) {
        var r = home.ctx
                .residents()
                .create(new org.huyou.residents.Resident(
                        null,
                        null,
                        null,
                        name,
                        null,
                        org.huyou.common.Gender.FEMALE,
                        born,
                        false,
                        null,
                        null,
                        null,
                        org.huyou.residents.Category.ORPHAN,
                        born.plusYears(1),
                        org.huyou.residents.AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        org.huyou.residents.DisabilityType.NONE,
                        null,
                        org.huyou.residents.Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        home.ctx.residents().recordStatus(r.id(), ResidentStatus.FAMILY_FOSTER_CARE, born.plusYears(2), null);
        return r.id();
    }

    /** A mistaken assessment is voided with a reason: kept, marked, audited under its table; never voided twice. */
    @Test
    void aVoidedAssessmentStaysMarkedAndAudited() {
        Capability wrong = transition.assess(child(), TODAY, List.of(1, 1, 1, 1, 1, 1), "录错了孩子", null);
        Capability right = transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), "自理良好", null);
        assertThrows(ValidationException.class, () -> transition.voidAssessment(wrong.id(), "  "));
        transition.voidAssessment(wrong.id(), "评估录入了别的孩子");
        List<Capability> kept = transition.assessments(child());
        assertEquals(2, kept.size(), "nothing deleted");
        assertTrue(kept.stream().filter(c -> c.id() == wrong.id()).allMatch(Capability::voided));
        assertTrue(kept.stream().filter(c -> c.id() == right.id()).noneMatch(Capability::voided));
        assertThrows(UserFacingException.class, () -> transition.voidAssessment(wrong.id(), "再作废一次"));
        home.as(Role.ADMINISTRATOR); // who reads the audit log
        assertEquals(
                1,
                home.ctx
                        .audit()
                        .count(new org.huyou.security.AuditFilter(
                                null, org.huyou.security.AuditLog.VOID, "capability_assessment", null, null, null)));
    }

    @Test
    void theSocialWorkerAssessesDecidesAndOnlyTheDirectorsApprovalGeneratesTheTasks() {
        TransitionService.Row row = transition.dashboard().turning().get(0);
        assertEquals(EIGHTEENTH, row.eighteenth());
        assertEquals(6, row.monthsLeft());
        assertEquals(null, row.pathway());
        assertTrue(assertThrows(
                        UserFacingException.class,
                        () -> transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, null))
                .userMessage()
                .contains("评估"));
        assertThrows(
                ValidationException.class,
                () -> transition.assess(child(), TODAY, List.of(4, 4, 9, 1, 1, 1), null, null),
                "scores are 0 to 4");
        Capability c = transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), "自理良好，已考取叉车证", null);
        assertEquals(Capability.Conclusion.INDEPENDENT, c.conclusion());
        assertEquals(
                Pathway.SOCIALIZED, transition.suggestion(child()).orElseThrow().pathway());

        TransitionPlan draft =
                transition.decide(child(), Pathway.SOCIALIZED, "能力评估为能独立生活，本人愿回户籍地", null, new BigDecimal("20000"));
        assertEquals(TransitionPlan.Status.DRAFT, draft.status());
        assertTrue(transition.tasks(draft.id()).isEmpty(), "nothing before the director approves");
        assertThrows(PermissionDeniedException.class, () -> transition.approve(draft.id(), draft.version()));

        home.as(Role.DIRECTOR);
        TransitionPlan approved = transition.approve(draft.id(), draft.version());
        assertEquals(TransitionPlan.Status.APPROVED, approved.status());
        assertThrows(UserFacingException.class, () -> transition.approve(draft.id(), draft.version()), "once");
        List<Task> tasks = transition.tasks(approved.id());
        assertEquals(5, tasks.size());
        assertEquals(EIGHTEENTH.minusMonths(6), tasks.get(0).dueOn(), "household registration: six months before");
        assertEquals(Department.PUBLIC_SECURITY, tasks.get(0).department());
        assertTrue(tasks.get(0).documents().contains("户口簿"));
        List<Payment> money = transition.payments(approved.id());
        assertEquals(
                0,
                new BigDecimal("70000")
                        .compareTo(money.stream().map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)),
                "subsidy and the city's top-up");
        assertThrows(
                PermissionDeniedException.class,
                () -> transition.setTaskStatus(tasks.get(0).id(), Task.Status.DONE, null),
                "the director approves, the social worker edits");

        home.as(Role.SOCIAL_WORKER);
        transition.setTaskStatus(tasks.get(0).id(), Task.Status.DONE, "已落户");
        transition.recordPaid(money.get(0).id(), TODAY, "转账 0001");
        assertThrows(
                UserFacingException.class,
                () -> transition.recordPaid(money.get(0).id(), TODAY, "again"));

        // Changing the decision takes the plan back to the director; open tasks are cancelled, paid money stays.
        TransitionPlan again =
                transition.decide(child(), Pathway.CONTINUING_EDUCATION, "考取高职院校", LocalDate.of(2030, 6, 30), null);
        assertEquals(TransitionPlan.Status.DRAFT, again.status());
        assertEquals(
                4,
                transition.tasks(again.id()).stream()
                        .filter(t -> t.status() == Task.Status.CANCELLED)
                        .count());
        // the unpaid top-up is voided, not deleted: kept with who, when and the new decision, never paid
        List<Payment> kept = transition.payments(again.id());
        assertEquals(2, kept.size(), "the paid subsidy and the voided top-up: " + kept);
        Payment topUp = kept.stream()
                .filter(p -> p.kind() == Payment.Kind.TOP_UP)
                .findFirst()
                .orElseThrow();
        assertTrue(topUp.voided(), "the top-up of the earlier decision is void");
        assertTrue(topUp.voidReason().contains(Pathway.CONTINUING_EDUCATION.label()), topUp.voidReason());
        assertFalse(kept.stream()
                .filter(p -> p.kind() == Payment.Kind.SUBSIDY)
                .findFirst()
                .orElseThrow()
                .voided());
        assertTrue(assertThrows(UserFacingException.class, () -> transition.recordPaid(topUp.id(), TODAY, "转账 0002"))
                .userMessage()
                .contains("作废"));
        home.as(Role.ADMINISTRATOR);
        assertEquals(
                List.of(CareStaff.name(Role.SOCIAL_WORKER) + " " + topUp.id()),
                home
                        .ctx
                        .audit()
                        .browse(new AuditFilter(null, "VOID", "transition_payment", null, null, null), 10)
                        .stream()
                        .map(e -> e.username() + " " + e.entityId())
                        .toList(),
                "the void is audited under the one who decided again");
        home.as(Role.DIRECTOR);
        transition.approve(again.id(), again.version());
        List<Payment> grants = transition.payments(again.id()).stream()
                .filter(p -> p.kind() == Payment.Kind.GRANT)
                .toList();
        assertEquals(
                List.of("2026-2027", "2027-2028", "2028-2029", "2029-2030"),
                grants.stream().map(Payment::label).toList());

        home.clock.advance(java.time.Duration.ofDays(200)); // past the 18th birthday, still in the home
        TransitionService.Dashboard later = transition.dashboard();
        assertTrue(later.turning().isEmpty());
        assertEquals(
                List.of(child()),
                later.adults().stream().map(TransitionService.Row::residentId).toList());
        assertTrue(later.adults().get(0).overdueTasks() > 0, "the education tasks fell due before the birthday");
    }

    /** A decision changed after money was paid and approved again: what was paid is not scheduled a second time. */
    @Test
    void aPlanApprovedAgainDoesNotScheduleWhatWasPaidAgain() {
        transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), "自理良好", null);
        TransitionPlan first = transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, new BigDecimal("20000"));
        home.as(Role.DIRECTOR);
        transition.approve(first.id(), first.version());
        home.as(Role.SOCIAL_WORKER);
        Payment subsidy = transition.payments(first.id()).stream()
                .filter(p -> p.kind() == Payment.Kind.SUBSIDY)
                .findFirst()
                .orElseThrow();
        transition.recordPaid(subsidy.id(), TODAY, "转账 0001");

        // the city's top-up corrected: the plan goes back to the director, who approves it again
        TransitionPlan again =
                transition.decide(child(), Pathway.SOCIALIZED, "能独立生活，补助按新标准", null, new BigDecimal("25000"));
        home.as(Role.DIRECTOR);
        transition.approve(again.id(), again.version());
        List<Payment> money = transition.payments(again.id());
        assertEquals(
                List.of(subsidy.amount()),
                money.stream()
                        .filter(p -> p.kind() == Payment.Kind.SUBSIDY)
                        .map(Payment::amount)
                        .toList(),
                "the subsidy once, as paid: " + money);
        assertEquals(
                List.of("20000.00 void", "25000.00 in force"),
                money.stream()
                        .filter(p -> p.kind() == Payment.Kind.TOP_UP)
                        .map(p -> p.amount().setScale(2) + (p.voided() ? " void" : " in force"))
                        .toList(),
                "the unpaid top-up at its new amount, the old one kept void");
    }

    @Test
    void leavingSchedulesTheFollowUpVisitsAndTheAdultsAreListedApart() {
        transition.assess(child(), TODAY, List.of(3, 3, 3, 3, 3, 3), null, null);
        TransitionPlan p = transition.decide(child(), Pathway.SOCIALIZED, "可独立生活", null, null);
        assertThrows(UserFacingException.class, () -> transition.recordLeaving(p.id(), TODAY), "not approved yet");
        home.as(Role.DIRECTOR);
        transition.approve(p.id(), p.version());
        home.as(Role.SOCIAL_WORKER);
        assertThrows(ValidationException.class, () -> transition.recordLeaving(p.id(), BORN), "before admission");
        assertTrue(transition.followUps(p.id()).isEmpty(), "a refused leaving changes nothing");
        assertEquals(Optional.of(ResidentStatus.IN_CARE), home.ctx.residents().currentStatus(child()));
        transition.recordLeaving(p.id(), TODAY);
        // The register agrees with the plan: left at adulthood from that day, an entry of its status history.
        assertEquals(
                Optional.of(ResidentStatus.ADULT_TRANSITION),
                home.ctx.residents().currentStatus(child()));
        StatusEvent left = home.ctx.residents().statusHistory(child()).stream()
                .filter(e -> e.status() == ResidentStatus.ADULT_TRANSITION)
                .findFirst()
                .orElseThrow();
        assertEquals(TODAY, left.date());
        assertTrue(left.note() != null && !left.note().isBlank());
        List<FollowUp> visits = transition.followUps(p.id());
        assertEquals(
                List.of(TODAY.plusMonths(1), TODAY.plusMonths(3), TODAY.plusMonths(6), TODAY.plusMonths(12)),
                visits.stream().map(FollowUp::dueOn).toList());
        transition.recordVisit(
                new FollowUp(visits.get(0).id(), p.id(), null, TODAY, "租住公租房", "物流公司叉车工", null, "每月约3500元", "适应良好"));
        assertEquals("租住公租房", transition.followUps(p.id()).get(0).housing());

        TransitionService.Dashboard now = transition.dashboard();
        assertTrue(now.adults().isEmpty() && now.turning().isEmpty(), "left: no longer on the lists of those here");
        assertEquals(TODAY.plusMonths(3), now.left().get(0).nextVisit(), "the first visit is recorded");

        java.nio.file.Path withCare = papers.printPlan(child(), true, dir.resolve("out"));
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(withCare.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("生活自理") && text.contains("社会化安置"), text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        java.nio.file.Path zip =
                papers.exportArchive(child(), java.util.EnumSet.allOf(ArchivePart.class), dir.resolve("out"));
        java.util.List<String> names = new java.util.ArrayList<>();
        String index = null;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                names.add(e.getName());
                if (e.getName().equals("index.html")) {
                    index = new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(names.contains("index.html") && names.stream().anyMatch(n -> n.endsWith(".pdf")), names.toString());
        assertTrue(index.contains(home.child.name()) && index.contains("户口簿"), index);
        assertThrows(
                UserFacingException.class,
                () -> papers.exportArchive(child(), java.util.EnumSet.noneOf(ArchivePart.class), dir.resolve("out")));

        home.as(Role.CAREGIVER);
        assertThrows(
                PermissionDeniedException.class,
                () -> transition.dashboard(),
                "caregivers do not see transition plans");
    }

    /**
     * A part chosen for the archive with nothing in it says 无记录 under its heading: no bare table header, no heading
     * followed by the next one (a child without school records, growth measurements or a plan yet).
     */
    @Test
    void emptyPartsOfTheArchiveSayNoRecords() throws Exception {
        Path zip = papers.exportArchive(
                child(),
                java.util.EnumSet.of(
                        ArchivePart.SCHOOL_RECORDS,
                        ArchivePart.GROWTH_MILESTONES,
                        ArchivePart.PLACEMENT_PLAN,
                        ArchivePart.DOCUMENT_LIST),
                dir.resolve("empty"));
        String index;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            index = new String(
                    z.getInputStream(z.getEntry("index.html")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher sections = java.util.regex.Pattern.compile("<h2>([^<]*)</h2>(<[a-z]+>[^<]*)")
                .matcher(index);
        int n = 0;
        while (sections.find()) {
            n++;
            assertEquals("<p>无记录", sections.group(2), sections.group(1) + " in " + index);
        }
        assertEquals(4, n, index);
    }

    /**
     * Only the child's own documents in force go into their archive: a voided paper, or another child's, chosen
     * by id (a list shown before it changed) is refused with a sentence and no archive is written; documents alone,
     * without any other part, make an archive.
     */
    @Test
    void onlyTheChildsOwnDocumentsInForceGoIntoTheArchive() throws Exception {
        Path scans = java.nio.file.Files.createDirectories(dir.resolve("scans"));
        var documents = home.ctx.documents();
        var kept = documents.add(
                child(),
                new org.huyou.documents.DocumentService.Details(
                        org.huyou.documents.DocumentKind.SCHOOL_CERTIFICATE, "毕业证", TODAY, null),
                org.huyou.documents.TestFiles.pdf(scans.resolve("a.pdf"), "GRADUATION", 1));
        var voided = documents.add(
                child(),
                new org.huyou.documents.DocumentService.Details(
                        org.huyou.documents.DocumentKind.OTHER, "作废的", TODAY, null),
                org.huyou.documents.TestFiles.pdf(scans.resolve("b.pdf"), "VOID", 1));
        documents.voidDocument(voided.id(), "扫错了");
        long other = fosterChild("李寄养", TODAY.minusYears(17));
        var others = documents.add(
                other,
                new org.huyou.documents.DocumentService.Details(
                        org.huyou.documents.DocumentKind.OTHER, "别人的", TODAY, null),
                org.huyou.documents.TestFiles.pdf(scans.resolve("c.pdf"), "OTHER", 1));
        assertEquals(
                List.of(kept.id()),
                papers.archiveDocuments(child()).stream()
                        .map(org.huyou.documents.Document::id)
                        .toList());
        Path out = dir.resolve("archive");
        for (long refused : List.of(voided.id(), others.id())) {
            UserFacingException e = assertThrows(
                    UserFacingException.class,
                    () -> papers.exportArchive(
                            child(), java.util.EnumSet.noneOf(ArchivePart.class), List.of(kept.id(), refused), out));
            assertEquals("archive.documentGone", e.messageKey());
        }
        assertTrue(
                !java.nio.file.Files.exists(out)
                        || java.nio.file.Files.list(out).findAny().isEmpty(),
                "nothing written");
        Path zip = papers.exportArchive(child(), java.util.EnumSet.noneOf(ArchivePart.class), List.of(kept.id()), out);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            assertTrue(z.getEntry("documents/毕业证.pdf") != null && z.getEntry("index.html") != null);
        }
    }

    /**
     * A record number from before input refused separators (legacy data, written here straight into the table) names
     * the placement plan and the archive: both land in the chosen folder, nothing outside it (issue 26).
     */
    @Test
    void aHostileRecordNumberCannotWriteOutsideTheChosenFolder() throws Exception {
        transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), "自理良好", null);
        transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, new BigDecimal("20000"));
        try (var c = org.huyou.app.DirectSql.connect(home.ctx);
                var ps = c.prepareStatement("UPDATE resident SET record_no = ? WHERE id = ?")) {
            ps.setString(1, "x/../../../escaped");
            ps.setLong(2, child());
            assertEquals(1, ps.executeUpdate());
        }
        Path chosen = dir.resolve("a/b/c/out");
        Path plan = papers.printPlan(child(), false, chosen);
        Path archive = papers.exportArchive(child(), java.util.EnumSet.allOf(ArchivePart.class), chosen);
        Path folder = chosen.toAbsolutePath().normalize();
        assertEquals(folder, plan.getParent());
        assertEquals(folder, archive.getParent());
        assertTrue(java.nio.file.Files.isRegularFile(plan) && java.nio.file.Files.isRegularFile(archive));
        try (var all = java.nio.file.Files.walk(dir)) {
            List<Path> escaped = all.filter(f -> f.getFileName().toString().contains("escaped"))
                    .filter(f -> !f.getParent().equals(folder))
                    .toList();
            assertEquals(List.of(), escaped);
        }
        // and the register refuses such a number at input, naming the field
        home.as(Role.ADMINISTRATOR);
        var r = home.ctx.residents().get(child());
        ValidationException refused = assertThrows(
                ValidationException.class, () -> home.ctx.residents().update(r.withRecordNo("2020/0001")));
        assertTrue(
                refused.errors().stream()
                        .anyMatch(
                                e -> e.field().equals("recordNo") && e.message().contains("档案号")),
                refused.errors().toString());
    }
}
