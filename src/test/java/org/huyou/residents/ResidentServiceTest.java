package org.huyou.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.common.FieldError;
import org.huyou.common.Gender;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentServiceTest {

    @TempDir
    Path dir;

    AppContext ctx;
    ResidentService service;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
        service = ctx.residents();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    static Resident draft(String name, Gender gender, LocalDate birth, String idNumber) {
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                gender,
                birth,
                false,
                "01",
                idNumber,
                null,
                Category.ORPHAN,
                LocalDate.of(2020, 1, 10),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
    }

    @Test
    void createNumbersTheRecordAndOpensTheHistoryInCare() {
        Resident saved = service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        assertEquals("2020-0001", saved.recordNo());
        Resident second = service.create(draft("李明", Gender.MALE, LocalDate.of(2016, 1, 1), null));
        assertEquals("2020-0002", second.recordNo());
        assertEquals(ResidentStatus.IN_CARE, service.currentStatus(saved.id()).orElseThrow());
        assertEquals(1, service.statusHistory(saved.id()).size());
        Resident stored = service.get(saved.id());
        assertEquals("110105201503070021", stored.idNumber());
        assertEquals(0, stored.version());
    }

    @Test
    void refusesAnInvalidProfileAndSavesNothing() {
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> service.create(draft("", Gender.MALE, LocalDate.of(2015, 3, 7), "110105201503070021")));
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertTrue(fields.contains("name"), fields.toString());
        assertTrue(fields.contains("idNumber"), "the ID number says female: " + fields);
        assertEquals(0, service.countAll());
    }

    @Test
    void anIdNumberBelongsToOneResident() {
        service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> service.create(draft("张红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021")));
        assertEquals("idnumber.DUPLICATE", e.errors().get(0).messageKey());
        assertEquals(1, service.countAll());
    }

    @Test
    void secondConcurrentSaveIsRefusedWithWhoChangedIt() {
        Resident saved = service.create(draft("王芳", Gender.FEMALE, LocalDate.of(2014, 5, 1), null));
        Resident first = withNote(saved, "first");
        Resident second = withNote(saved, "second");
        service.update(first);
        StaleRecordException e = assertThrows(StaleRecordException.class, () -> service.update(second));
        assertTrue(e.userMessage().contains(org.huyou.security.Accounts.displayName(TestHome.ADMIN)), e.userMessage());
        assertEquals("first", service.get(saved.id()).note());
        assertEquals(1, service.get(saved.id()).version());
    }

    @Test
    void statusHistoryDerivesCurrentStatusAndVoidsKeepTheEntry() {
        Resident r = service.create(draft("赵乐", Gender.MALE, LocalDate.of(2012, 2, 2), null));
        StatusEvent foster =
                service.recordStatus(r.id(), ResidentStatus.FAMILY_FOSTER_CARE, LocalDate.of(2023, 6, 1), "寄养");
        assertEquals(
                ResidentStatus.FAMILY_FOSTER_CARE, service.currentStatus(r.id()).orElseThrow());
        assertEquals(
                1, service.count(new ResidentFilter(null, ResidentStatus.FAMILY_FOSTER_CARE, null, null, null, null)));

        assertThrows(ValidationException.class, () -> service.voidStatus(r.id(), foster.id(), " "));
        service.voidStatus(r.id(), foster.id(), "录入错误");
        assertEquals(ResidentStatus.IN_CARE, service.currentStatus(r.id()).orElseThrow());
        List<StatusEvent> history = service.statusHistory(r.id());
        assertEquals(2, history.size(), "a voided entry stays in the history");
        StatusEvent voided = history.get(1);
        assertTrue(voided.voided());
        assertEquals(TestHome.ADMIN, voided.trail().voidedBy());
        assertEquals("录入错误", voided.trail().voidedReason());

        long only = history.get(0).id();
        assertThrows(UserFacingException.class, () -> service.voidStatus(r.id(), only, "不能作废最后一条"));
    }

    @Test
    void statusCannotPrecedeAdmissionOrLieInTheFuture() {
        Resident r = service.create(draft("孙悦", Gender.FEMALE, LocalDate.of(2012, 2, 2), null));
        assertThrows(
                ValidationException.class,
                () -> service.recordStatus(r.id(), ResidentStatus.ADOPTED, LocalDate.of(2019, 1, 1), null));
        assertThrows(
                ValidationException.class,
                () -> service.recordStatus(r.id(), ResidentStatus.ADOPTED, TestHome.TODAY.plusDays(1), null));
    }

    @Test
    void searchFindsByPinyinInitialsFullPinyinNameIdAndRecordNumber() {
        Resident a = service.create(draft("张小明", Gender.MALE, LocalDate.of(2015, 3, 7), "110105201503070013"));
        service.create(draft("李小红", Gender.FEMALE, LocalDate.of(2016, 4, 8), null));
        assertEquals(List.of("张小明"), names("zxm"));
        assertEquals(List.of("张小明"), names("zhangxiaoming"));
        assertEquals(List.of("张小明"), names("ZX"));
        assertEquals(List.of("张小明", "李小红"), names("小"));
        assertEquals(List.of("张小明"), names("110105201503"));
        assertEquals(List.of("张小明"), names(a.recordNo()));
        assertEquals(List.of(), names("zzz"));
        assertEquals(
                "110105************",
                service.search(ResidentFilter.query("zxm"), 10).get(0).maskedIdNumber());
    }

    @Test
    void searchTreatsLikeCharactersAsTextAndFindCountsOnlyAFullPage() {
        service.create(draft("张小明", Gender.MALE, LocalDate.of(2015, 3, 7), null));
        service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2016, 4, 8), null));
        service.create(draft("李红", Gender.FEMALE, LocalDate.of(2016, 5, 9), null));
        assertEquals(List.of(), names("%"), "a LIKE wildcard typed is a character, not 'anything'");
        assertEquals(List.of(), names("z_m"));
        assertEquals(List.of("张小明", "张小红"), names("zx"));
        ResidentService.Matches some = service.find(ResidentFilter.query("zx"), 5);
        assertEquals(2, some.total());
        ResidentService.Matches page = service.find(ResidentFilter.query(""), 2);
        assertEquals(2, page.rows().size());
        assertEquals(3, page.total(), "a full page: the total is counted");
        ResidentService.Matches adopted =
                service.find(new ResidentFilter(null, ResidentStatus.ADOPTED, null, null, null, null), 5);
        assertEquals(0, adopted.total());
        assertEquals(
                3,
                service.find(new ResidentFilter(null, ResidentStatus.IN_CARE, null, null, null, null), 5)
                        .total(),
                "the status filter reads each resident's latest status");
    }

    @Test
    void filtersByAgeBandCategoryAndDisability() {
        Resident baby = draft("小一", Gender.MALE, TestHome.TODAY.minusYears(1), null);
        service.create(new Resident(
                null,
                null,
                null,
                baby.name(),
                null,
                baby.gender(),
                baby.birthDate(),
                true,
                null,
                null,
                null,
                Category.ABANDONED_INFANT,
                TestHome.TODAY.minusMonths(10),
                AdmissionSource.POLICE,
                "公安局",
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null));
        Resident teen = draft("小二", Gender.MALE, TestHome.TODAY.minusYears(17), null);
        service.create(new Resident(
                null,
                null,
                null,
                teen.name(),
                null,
                teen.gender(),
                teen.birthDate(),
                false,
                null,
                null,
                null,
                Category.ORPHAN,
                LocalDate.of(2020, 1, 10),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.PHYSICAL,
                2,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null));
        assertEquals(1, service.count(new ResidentFilter(null, null, null, null, AgeBand.INFANT, null)));
        assertEquals(1, service.count(new ResidentFilter(null, null, null, null, AgeBand.NEAR_ADULT, null)));
        assertEquals(1, service.count(new ResidentFilter(null, null, Category.ABANDONED_INFANT, null, null, null)));
        assertEquals(2, service.count(ResidentFilter.all()));
        assertEquals(1, service.count(new ResidentFilter(null, null, null, null, null, DisabilityType.PHYSICAL)));
    }

    @Test
    void dataSurvivesReopeningTheDatabase() {
        service.create(draft("周杰", Gender.MALE, LocalDate.of(2015, 1, 1), null));
        ctx.close();
        ctx = TestHome.open(dir);
        assertEquals(1, ctx.residents().countAll());
    }

    private List<String> names(String q) {
        return service.search(ResidentFilter.query(q), 50).stream()
                .map(ResidentSummary::name)
                .toList();
    }

    private static Resident withNote(Resident r, String note) {
        return new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                r.name(),
                r.formerName(),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                r.householdRegistration(),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                r.admissionFrom(),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                r.guardianshipNote(),
                r.livingGroupId(),
                note);
    }

    // ---- full ID numbers per role ----------------------------------------------------------------------------

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = org.huyou.security.Role.class,
            names = {"ADMINISTRATOR", "DIRECTOR", "SOCIAL_WORKER", "MEDICAL_STAFF"})
    void rolesHoldingTheIdNumberPermissionReadTheNumberInFullAndTheReadIsAudited(org.huyou.security.Role role) {
        Resident saved = service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        TestHome.loginAs(ctx, "reader", role);
        assertTrue(service.seesFullIdNumbers());
        assertEquals("110105201503070021", service.get(saved.id()).idNumber());
        var reads = idNumberReads(saved.id());
        assertEquals(1, reads.size());
        assertEquals("reader", reads.get(0).username());
        assertEquals(
                org.huyou.common.Messages.t("auditSummary.recordNo", saved.recordNo()),
                org.huyou.security.AuditLabels.summary(reads.get(0)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(
            value = org.huyou.security.Role.class,
            names = {"CAREGIVER", "TEACHER", "PSYCHOLOGIST", "REHABILITATION_THERAPIST"})
    void otherRolesReadTheNumberMaskedAndNoFullReadIsLogged(org.huyou.security.Role role) {
        Resident saved = service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        TestHome.loginAs(ctx, "reader", role);
        assertEquals(false, service.seesFullIdNumbers());
        assertEquals("110105************", service.get(saved.id()).idNumber());
        // The mask must not come back through the search: the number typed (in full or in part) finds no one.
        for (String typed : List.of("110105201503070021", "1101052015", "20150307")) {
            ResidentFilter f = ResidentFilter.query(typed);
            assertEquals(List.of(), service.search(f, 10), typed);
            assertEquals(0, service.find(f, 10).total(), typed);
            assertEquals(0, service.count(f), typed);
        }
        assertEquals(1, service.find(ResidentFilter.query(saved.recordNo()), 10).total(), "the record number still");
        assertTrue(idNumberReads(saved.id()).isEmpty()); // read as the administrator
    }

    @Test
    void whoSeesTheNumberFindsTheResidentByIt() {
        Resident saved = service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        for (String typed : List.of("110105201503070021", "1101052015")) {
            assertEquals(
                    List.of(saved.id()),
                    service.search(ResidentFilter.query(typed), 10).stream()
                            .map(ResidentSummary::id)
                            .toList(),
                    typed);
        }
    }

    @Test
    void editingAResidentWhoseNumberTheUserSeesMaskedKeepsTheStoredNumber() {
        Resident saved = service.create(draft("张小红", Gender.FEMALE, LocalDate.of(2015, 3, 7), "110105201503070021"));
        ctx.accounts()
                .setPermission(
                        org.huyou.security.Role.TEACHER,
                        org.huyou.security.Permission.of(
                                org.huyou.security.AppModule.RESIDENTS, org.huyou.security.Action.EDIT),
                        true);
        TestHome.loginAs(ctx, "teacher", org.huyou.security.Role.TEACHER);
        Resident shown = service.get(saved.id());
        Resident edited = new Resident(
                shown.id(),
                shown.version(),
                shown.recordNo(),
                shown.name(),
                "张红",
                shown.gender(),
                shown.birthDate(),
                shown.birthDateEstimated(),
                shown.ethnicity(),
                shown.idNumber(),
                shown.householdRegistration(),
                shown.category(),
                shown.admissionDate(),
                shown.admissionSource(),
                shown.admissionFrom(),
                shown.disabilityType(),
                shown.disabilityGrade(),
                shown.guardianship(),
                shown.guardianshipNote(),
                shown.livingGroupId(),
                shown.note());
        Resident after = service.update(edited);
        assertEquals("110105************", after.idNumber(), "handed back masked as well");
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        Resident stored = service.get(saved.id());
        assertEquals("张红", stored.formerName());
        assertEquals("110105201503070021", stored.idNumber(), "the stored number is kept, not the masked text");
    }

    private List<org.huyou.security.AuditEntry> idNumberReads(long residentId) {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        return ctx.audit()
                .browse(
                        new org.huyou.security.AuditFilter(
                                null, null, ResidentService.ID_NUMBER_READ, String.valueOf(residentId), null, null),
                        10);
    }
}
