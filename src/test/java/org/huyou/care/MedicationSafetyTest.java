package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyAtDoseException;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.AllergyConflictException;
import org.huyou.care.medical.Formulary;
import org.huyou.care.medical.FormularyDrug;
import org.huyou.care.medical.Medication;
import org.huyou.common.Gender;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allergies against orders and doses (ingredient, class, cross-reaction, an allergy recorded after the order), the
 * override with its reason, the formulary file and staff-added drugs, doses outside an order, undo and void.
 */
class MedicationSafetyTest {

    @TempDir
    Path dir;

    AppContext ctx;
    MutableClock clock;
    Resident child;

    void openAt(LocalDateTime now) {
        clock = new MutableClock(now.toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
        ctx = TestHome.open(dir, clock);
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "周小宝",
                        null,
                        Gender.MALE,
                        LocalDate.of(2020, 1, 15),
                        false,
                        null,
                        null,
                        null,
                        Category.ORPHAN,
                        LocalDate.of(2021, 3, 1),
                        AdmissionSource.CIVIL_AFFAIRS,
                        null,
                        DisabilityType.NONE,
                        null,
                        Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                        null,
                        null,
                        null));
        TestHome.loginAs(ctx, "nurse", Role.MEDICAL_STAFF);
    }

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static Allergy allergy(String substance, String drugClass) {
        return new Allergy(
                1, 1, substance, drugClass, null, Allergy.Severity.SEVERE, LocalDate.of(2025, 1, 1), "x", false);
    }

    private static List<AllergyConflict.Kind> kinds(Formulary f, Allergy a, String drug) {
        FormularyDrug d = f.resolve(drug, List.of()).orElseThrow(() -> new AssertionError("not in file: " + drug));
        return f.conflicts(List.of(a), d, List.of()).stream()
                .map(AllergyConflict::kind)
                .toList();
    }

    @Test
    void theShippedFormularyMatchesIngredientsClassesAndCrossReactions() {
        Formulary f = Formulary.shipped();
        assertTrue(
                f.drugs().size() >= 60,
                "seeded with the drugs a home commonly gives: " + f.drugs().size());
        assertEquals("SULFONAMIDE", f.classOfText("磺胺类药物").orElseThrow().code(), "free text names a class");
        assertEquals("PENICILLIN", f.classOfText("青霉素").orElseThrow().code());
        assertTrue(f.classOfText("花生").isEmpty());
        assertEquals("阿莫西林", f.resolve("阿莫西林颗粒", List.of()).orElseThrow().name(), "a name with its form");

        assertEquals(List.of(AllergyConflict.Kind.CLASS), kinds(f, allergy("磺胺类药物", null), "磺胺嘧啶片"));
        assertEquals(List.of(AllergyConflict.Kind.CLASS), kinds(f, allergy("磺胺类药物", null), "复方磺胺甲噁唑"));
        assertEquals(List.of(AllergyConflict.Kind.CLASS), kinds(f, allergy("青霉素", null), "阿莫西林"));
        assertEquals(List.of(AllergyConflict.Kind.CLASS), kinds(f, allergy("青霉素类", "PENICILLIN"), "阿莫西林"));
        assertEquals(List.of(AllergyConflict.Kind.INGREDIENT), kinds(f, allergy("阿莫西林", null), "阿莫西林克拉维酸钾"));
        assertEquals(
                List.of(AllergyConflict.Kind.CROSS),
                kinds(f, allergy("青霉素", null), "头孢克洛"),
                "penicillin -> cephalosporin");
        assertEquals(
                List.of(AllergyConflict.Kind.CROSS),
                kinds(f, allergy("阿莫西林", null), "头孢克洛"),
                "an ingredient's class cross-reacts too");
        assertEquals(
                List.of(AllergyConflict.Kind.CROSS),
                kinds(f, allergy("卡马西平", null), "苯妥英钠"),
                "aromatic anticonvulsants cross-react");
        assertEquals(List.of(), kinds(f, allergy("卡马西平", null), "丙戊酸钠"));
        assertEquals(
                List.of(AllergyConflict.Kind.CLASS),
                kinds(f, allergy("抗癫痫药", null), "左乙拉西坦"),
                "a broader class covers its subclasses");
        assertEquals(List.of(), kinds(f, allergy("花生", null), "布洛芬"));
        assertEquals(List.of(), kinds(f, allergy("青霉素", null), "阿奇霉素"));
        assertEquals(
                List.of(),
                kinds(
                        f,
                        new Allergy(
                                1,
                                1,
                                "磺胺类",
                                "SULFONAMIDE",
                                null,
                                Allergy.Severity.SEVERE,
                                LocalDate.of(2025, 1, 1),
                                "x",
                                true),
                        "磺胺嘧啶"),
                "a voided allergy is not checked");
    }

    @Test
    void anOrderMatchingAnAllergyIsRefusedUnlessOverriddenWithAReasonWhichIsAudited() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        ctx.allergies().add(child.id(), "磺胺类药物", "荨麻疹", Allergy.Severity.SEVERE, LocalDate.of(2025, 1, 1));
        assertEquals(
                "SULFONAMIDE",
                ctx.allergies().current(child.id()).get(0).drugClass(),
                "the class the free text names is recorded");
        AllergyConflictException refused = assertThrows(
                AllergyConflictException.class,
                () -> ctx.medication()
                        .prescribe(child.id(), "磺胺嘧啶片", "0.5g", "08:00,20:00", LocalDate.of(2026, 5, 10), null, null));
        assertTrue(
                refused.userMessage().contains("磺胺类药物") && refused.userMessage().contains("磺胺嘧啶片"),
                "the refusal names the allergy and the drug: " + refused.userMessage());
        assertTrue(ctx.medication().orders(child.id()).isEmpty(), "nothing ordered");

        ValidationException tooShort = assertThrows(
                ValidationException.class,
                () -> ctx.medication()
                        .prescribe(
                                child.id(),
                                "磺胺嘧啶片",
                                "0.5g",
                                "08:00",
                                LocalDate.of(2026, 5, 10),
                                null,
                                null,
                                "好的",
                                null));
        assertEquals("allergyOverride", tooShort.errors().get(0).field());
        // six characters of one key held down are no reason (a tester's "aaaaaa" was accepted)
        for (String noReason : List.of("aaaaaa", "。。。。。。", "ok ok ok ok")) {
            ValidationException notWords = assertThrows(
                    ValidationException.class,
                    () -> ctx.medication()
                            .prescribe(
                                    child.id(),
                                    "磺胺嘧啶片",
                                    "0.5g",
                                    "08:00",
                                    LocalDate.of(2026, 5, 10),
                                    null,
                                    null,
                                    noReason,
                                    null));
            assertEquals("check.reasonNotWords", notWords.errors().get(0).messageKey(), noReason);
        }

        Medication.Order order = ctx.medication()
                .prescribe(
                        child.id(),
                        "磺胺嘧啶片",
                        "0.5g",
                        "08:00,20:00",
                        LocalDate.of(2026, 5, 10),
                        null,
                        null,
                        "儿科会诊确认为非过敏性皮疹，需继续使用",
                        null);
        assertEquals("儿科会诊确认为非过敏性皮疹，需继续使用", order.allergyOverride());
        assertEquals("SULFONAMIDE", ctx.medication().orders(child.id()).get(0).drugClass());
        assertTrue(ctx.medication().orders(child.id()).get(0).overridden());

        asAdministrator();
        List<AuditEntry> overrides = ctx.audit().browse(new AuditFilter(null, "OVERRIDE", null, null, null, null), 10);
        assertEquals(1, overrides.size());
        assertEquals("nurse", overrides.get(0).username());
        assertTrue(
                overrides.get(0).summary().contains("儿科会诊确认为非过敏性皮疹"),
                overrides.get(0).summary());
        assertEquals(String.valueOf(order.id()), overrides.get(0).entityId());
    }

    @Test
    void aCrossReactionIsAWarningThatNeedsAReasonTooAndACaregiverCannotOverride() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        ctx.allergies().add(child.id(), "青霉素", "皮疹", Allergy.Severity.MODERATE, null);
        List<AllergyConflict> c = ctx.medication().conflicts(child.id(), "头孢克洛");
        assertEquals(AllergyConflict.Kind.CROSS, c.get(0).kind());
        assertTrue(
                c.get(0).message().contains("头孢菌素类") && c.get(0).message().contains("青霉素类"),
                c.get(0).message());
        assertThrows(
                AllergyConflictException.class,
                () -> ctx.medication()
                        .prescribe(child.id(), "头孢克洛", "0.125g", "08:00", LocalDate.of(2026, 5, 10), null, null));
        assertTrue(ctx.medication().conflicts(child.id(), "维生素D").isEmpty());
        ctx.medication().prescribe(child.id(), "维生素D", "400IU", "08:00", LocalDate.of(2026, 5, 10), null, null);

        asNewAccount("carer", Role.CAREGIVER);
        assertThrows(
                PermissionDeniedException.class,
                () -> ctx.medication()
                        .prescribe(
                                child.id(),
                                "头孢克洛",
                                "0.125g",
                                "08:00",
                                LocalDate.of(2026, 5, 10),
                                null,
                                null,
                                "家属要求继续使用此药物",
                                null));
    }

    @Test
    void aDrugNotInTheFormularyIsRefusedUntilStaffAddItWithIngredientAndClass() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        ValidationException unknown = assertThrows(
                ValidationException.class,
                () -> ctx.medication()
                        .prescribe(child.id(), "舒巴坦匹林", "1片", "08:00", LocalDate.of(2026, 5, 10), null, null));
        assertEquals("drug", unknown.errors().get(0).field());
        assertThrows(ValidationException.class, () -> ctx.formulary().addDrug("舒巴坦匹林", "", null, null, null));
        FormularyDrug added = ctx.formulary().addDrug("舒巴坦匹林", "舒巴坦+氨苄西林", "PENICILLIN", "片", "片");
        assertTrue(ctx.formulary().drugs().contains(added));
        ValidationException duplicate = assertThrows(
                ValidationException.class,
                () -> ctx.formulary().addDrug("阿莫西林", "阿莫西林", "PENICILLIN", null, null),
                "the file has it already");
        assertEquals("药名：药品目录中已有同名药品。", duplicate.errors().get(0).message(), "names the field");
        ValidationException notATime = assertThrows(
                ValidationException.class,
                () -> ctx.medication()
                        .prescribe(child.id(), "舒巴坦匹林", "1片", "08:00,25:99", LocalDate.of(2026, 5, 10), null, null));
        assertEquals(
                "给药时间：“25:99”不是有效时间，请按 16:30 的格式填写。",
                notATime.errors().get(0).message(),
                "an unreadable time is named as such, not as missing");
        ctx.allergies().add(child.id(), null, "PENICILLIN", "皮疹", Allergy.Severity.SEVERE, null, false);
        assertEquals("青霉素类", ctx.allergies().current(child.id()).get(0).substance(), "a class names itself");
        assertThrows(
                AllergyConflictException.class,
                () -> ctx.medication()
                        .prescribe(child.id(), "舒巴坦匹林", "1片", "08:00", LocalDate.of(2026, 5, 10), null, null),
                "an added drug is checked like a shipped one");
    }

    @Test
    void theWarningShowsAtEveryDoseAlsoForAnAllergyRecordedAfterTheOrder() {
        openAt(LocalDateTime.of(2026, 5, 10, 7, 30));
        Medication.Order order = ctx.medication()
                .prescribe(child.id(), "布洛芬混悬液", "5ml", "08:00,20:00", LocalDate.of(2026, 5, 10), null, null);
        assertTrue(doseReminders().get(0).warning() == null);
        ctx.allergies().add(child.id(), "非甾体抗炎药", "哮喘发作", Allergy.Severity.SEVERE, null);
        List<Reminder> reminders = doseReminders();
        assertEquals(2, reminders.size());
        for (Reminder r : reminders) {
            assertNotNull(r.warning(), "each dose carries the warning");
            assertTrue(r.what().contains("过敏") && r.what().contains("非甾体抗炎药"), r.what());
        }
        assertTrue(ctx.medication().dueDoses().get(0).conflicts().size() == 1);
        Medication.Orders withConflicts = ctx.medication().ordersWithConflicts(child.id());
        assertEquals(
                java.util.Set.of(order.id()),
                withConflicts.conflicts().keySet(),
                "the order is flagged on the medical tab at once, not only at its next dose");
        assertEquals(
                List.of(order.id()),
                withConflicts.orders().stream().map(Medication.Order::id).toList(),
                "the orders themselves come with their conflicts, read once");
        LocalDateTime eight = LocalDateTime.of(2026, 5, 10, 8, 0);

        // Whoever gives doses: the dose is held; nobody confirmed this order despite the allergy, so no reason helps.
        asNewAccount("carer", Role.CAREGIVER);
        AllergyAtDoseException held = assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null));
        assertFalse(held.mayOverride());
        assertTrue(held.userMessage().contains("非甾体抗炎药") && held.userMessage().contains("复核"), held.userMessage());
        assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null, "孩子发烧很高必须用药"));
        Reminder.Action give = doseReminders().get(0).actions().get(0);
        assertThrows(AllergyAtDoseException.class, () -> give.act().get(), "one click from 提醒 is refused too");
        assertThrows(AllergyAtDoseException.class, () -> give.withReason().apply("孩子发烧很高必须用药"));
        assertEquals(2, doseReminders().size(), "nothing was recorded");

        // Medical staff: refused by default, given only with a reason, which is kept and audited as an override.
        asNewAccount("nurse2", Role.MEDICAL_STAFF);
        AllergyAtDoseException refused = assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null));
        assertTrue(refused.mayOverride());
        ValidationException tooShort = assertThrows(
                ValidationException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null, "  要用  "));
        assertEquals("allergyOverride", tooShort.errors().get(0).field());
        long id = ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null, "医生电话确认可以继续使用");
        assertEquals(1, doseReminders().size());
        Medication.Administration a = ctx.medication().administrations(child.id(), 5).stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElseThrow();
        assertTrue(a.note().contains("医生电话确认可以继续使用"), a.note());
        // Refusing or missing the dose (the safe outcomes) needs no reason.
        clock.advance(Duration.ofHours(12));
        ctx.medication().recordDose(order.id(), LocalDateTime.of(2026, 5, 10, 20, 0), Medication.Outcome.REFUSED, null);
        assertEquals(0, doseReminders().size());

        asAdministrator();
        List<AuditEntry> overrides = ctx.audit()
                .browse(new AuditFilter(null, "OVERRIDE", "medication_administration", null, null, null), 10);
        assertEquals(1, overrides.size());
        String shown = org.huyou.security.AuditLabels.summary(overrides.get(0));
        assertTrue(shown.contains("医生电话确认可以继续使用") && shown.contains("非甾体抗炎药"), shown);
    }

    @Test
    void anOrderConfirmedDespiteTheAllergyIsGivenByACaregiverOnlyWithAReason() {
        openAt(LocalDateTime.of(2026, 5, 10, 7, 30));
        Medication.Order order = cefaclorConfirmedDespitePenicillin("08:00");
        asNewAccount("carer", Role.CAREGIVER);
        LocalDateTime eight = LocalDateTime.of(2026, 5, 10, 8, 0);
        AllergyAtDoseException refused = assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null));
        assertTrue(
                refused.mayOverride(), "medical staff confirmed the order: the one giving it confirms with a reason");
        Reminder.Action give = doseReminders().get(0).actions().get(0);
        assertThrows(AllergyAtDoseException.class, () -> give.act().get());
        give.withReason().apply("已核对医嘱，观察无皮疹");
        assertEquals(0, doseReminders().size());
    }

    @Test
    void anOverrideCoversOnlyTheAllergiesMedicalStaffSawAnAllergyRecordedLaterHoldsTheDoseAgain() {
        openAt(LocalDateTime.of(2026, 5, 10, 7, 30));
        Medication.Order order = cefaclorConfirmedDespitePenicillin("08:00,20:00");
        assertTrue(
                doseReminders().get(0).what().contains("医护已确认"),
                doseReminders().get(0).what());
        // Allergy B, recorded after the confirmation, also conflicts with the drug (its ingredient).
        ctx.allergies().add(child.id(), "头孢克洛", "呼吸困难", Allergy.Severity.SEVERE, null);
        assertFalse(
                doseReminders().get(0).what().contains("医护已确认"),
                "the reminder no longer says medical staff confirmed it: "
                        + doseReminders().get(0).what());

        asNewAccount("carer", Role.CAREGIVER);
        LocalDateTime eight = LocalDateTime.of(2026, 5, 10, 8, 0);
        AllergyAtDoseException held = assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null));
        assertFalse(held.mayOverride(), "the override was not given for allergy B");
        assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null, "已核对医嘱，观察无皮疹"));
        assertThrows(
                AllergyAtDoseException.class,
                () -> doseReminders().get(0).actions().get(0).withReason().apply("已核对医嘱，观察无皮疹"),
                "nor from 提醒");
        assertEquals(2, doseReminders().size(), "nothing was recorded");

        asNewAccount("nurse2", Role.MEDICAL_STAFF);
        AllergyAtDoseException refused = assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null));
        assertTrue(refused.mayOverride(), "medical staff may override allergy B at the dose");
        ctx.medication().recordDose(order.id(), eight, Medication.Outcome.GIVEN, null, "医生电话确认头孢可继续使用");
        assertEquals(1, doseReminders().size());
    }

    @Test
    void anOverrideReasonIsCountedInCharactersAsWrittenAtTheOrderAndAtTheDose() {
        openAt(LocalDateTime.of(2026, 5, 10, 7, 30));
        ctx.allergies().add(child.id(), "青霉素", "皮疹", Allergy.Severity.MODERATE, null);
        // Three characters outside the basic plane: six UTF-16 units, but three characters, too short.
        String three = "\uD840\uDC00\uD840\uDC01\uD840\uDC02";
        ValidationException atOrder = assertThrows(
                ValidationException.class,
                () -> ctx.medication()
                        .prescribe(
                                child.id(),
                                "头孢克洛",
                                "0.125g",
                                "08:00",
                                LocalDate.of(2026, 5, 10),
                                null,
                                null,
                                three,
                                null));
        assertEquals("allergyOverride", atOrder.errors().get(0).field());
        Medication.Order order = ctx.medication()
                .prescribe(
                        child.id(),
                        "头孢克洛",
                        "0.125g",
                        "08:00",
                        LocalDate.of(2026, 5, 10),
                        null,
                        null,
                        "皮试阴性，医生确认可用",
                        null);
        ValidationException atDose = assertThrows(
                ValidationException.class,
                () -> ctx.medication()
                        .recordDose(
                                order.id(),
                                LocalDateTime.of(2026, 5, 10, 8, 0),
                                Medication.Outcome.GIVEN,
                                null,
                                three));
        assertEquals("allergyOverride", atDose.errors().get(0).field());
        assertEquals(1, doseReminders().size(), "nothing was recorded");
    }

    /** Back to the administrator, who opens the audit log and makes accounts. */
    private void asAdministrator() {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
    }

    /** A new account of {@code role}, made by the administrator and logged in. */
    private void asNewAccount(String username, Role role) {
        asAdministrator();
        TestHome.loginAs(ctx, username, role);
    }

    /**
     * A penicillin allergy, and cefaclor (which cross-reacts with it) ordered today at {@code times} all the same,
     * with medical staff's reason.
     */
    private Medication.Order cefaclorConfirmedDespitePenicillin(String times) {
        ctx.allergies().add(child.id(), "青霉素", "皮疹", Allergy.Severity.MODERATE, null);
        return ctx.medication()
                .prescribe(
                        child.id(),
                        "头孢克洛",
                        "0.125g",
                        times,
                        LocalDate.of(2026, 5, 10),
                        null,
                        null,
                        "皮试阴性，医生确认可用",
                        null);
    }

    private List<Reminder> doseReminders() {
        return ctx.reminders().due().stream()
                .filter(r -> !r.actions().isEmpty())
                .toList();
    }

    @Test
    void aDoseIsRefusedForAnOrderThatEndedOrHasNotStartedAndASecondGivenForTheSameTime() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        Medication.Order later =
                ctx.medication().prescribe(child.id(), "维生素D", "400IU", "08:00", LocalDate.of(2026, 5, 11), null, null);
        UserFacingException notStarted = assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(later.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null));
        assertEquals("medication.notStarted", notStarted.messageKey());
        Medication.Order ended = ctx.medication()
                .prescribe(
                        child.id(), "阿莫西林", "0.25g", "08:00", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 9), null);
        UserFacingException over = assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(ended.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null));
        assertEquals("medication.ended", over.messageKey());
        Medication.Order now =
                ctx.medication().prescribe(child.id(), "孟鲁司特钠", "4mg", "08:00", LocalDate.of(2026, 5, 10), null, null);
        ctx.medication().recordDose(now.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null);
        UserFacingException twice = assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(now.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null));
        assertEquals("medication.alreadyRecorded", twice.messageKey());
        // the evening dose at 08:10: not yet, and the sentence says from when it can be recorded
        Medication.Order evening =
                ctx.medication().prescribe(child.id(), "维生素AD", "1粒", "20:00", LocalDate.of(2026, 5, 10), null, null);
        UserFacingException early = assertThrows(
                UserFacingException.class,
                () -> ctx.medication()
                        .recordDose(
                                evening.id(), LocalDateTime.of(2026, 5, 10, 20, 0), Medication.Outcome.GIVEN, null));
        assertEquals("medication.tooEarly", early.messageKey());
        assertTrue(early.userMessage().contains("20:00") && early.userMessage().contains("18:00"), early.userMessage());
        ctx.medication().voidOrder(now.id(), "改用颗粒剂");
        assertEquals(
                "medication.orderVoided",
                assertThrows(
                                UserFacingException.class,
                                () -> ctx.medication()
                                        .recordDose(
                                                now.id(),
                                                LocalDateTime.of(2026, 5, 10, 8, 0),
                                                Medication.Outcome.REFUSED,
                                                null))
                        .messageKey());
    }

    @Test
    void aDoseIsUndoneWithinTheWindowAndVoidedWithAReasonAfterItBothStayVisibleAndTheDoseIsDueAgain() {
        openAt(LocalDateTime.of(2026, 5, 10, 8, 10));
        Medication.Order order = ctx.medication()
                .prescribe(child.id(), "维生素D", "400IU", "08:00,20:00", LocalDate.of(2026, 5, 9), null, null);
        assertEquals(4, ctx.medication().dueDoses().size(), "yesterday 08:00 and 20:00, today 08:00 and 20:00");
        Runnable undo = doseReminders().stream()
                .filter(r -> r.what().contains("08:00"))
                .findFirst()
                .orElseThrow()
                .actions()
                .get(0)
                .act()
                .get();
        assertEquals(3, ctx.medication().dueDoses().size());
        clock.advance(Duration.ofSeconds(5));
        undo.run();
        assertEquals(4, ctx.medication().dueDoses().size(), "an undone dose is due again");
        Medication.Administration undone =
                ctx.medication().administrations(child.id(), 10).get(0);
        assertTrue(undone.voided());
        assertEquals("撤销：误点", undone.voidReason());
        assertThrows(UserFacingException.class, undo::run, "only once");

        long given = ctx.medication()
                .recordDose(order.id(), LocalDateTime.of(2026, 5, 10, 8, 0), Medication.Outcome.GIVEN, null);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(
                "medication.undoTooLate",
                assertThrows(UserFacingException.class, () -> ctx.medication().undoDose(given))
                        .messageKey());
        assertThrows(ValidationException.class, () -> ctx.medication().voidDose(given, " "));
        ctx.medication().voidDose(given, "记错了孩子，实际未服");
        List<Medication.Administration> mar = ctx.medication().administrations(child.id(), 10);
        assertEquals(2, mar.size(), "voided entries stay in the record");
        assertTrue(mar.stream().allMatch(Medication.Administration::voided));
        assertEquals(4, ctx.medication().dueDoses().size());

        asAdministrator();
        List<AuditEntry> voids =
                ctx.audit().browse(new AuditFilter(null, "VOID", "medication_administration", null, null, null), 10);
        assertEquals(
                List.of("作废原因：记错了孩子，实际未服", "作废原因：撤销：误点"),
                voids.stream().map(org.huyou.security.AuditLabels::summary).toList(),
                "each void's reason, as the audit screen shows it");
        TestHome.loginAs(ctx, "carer", Role.CAREGIVER);
        assertThrows(PermissionDeniedException.class, () -> ctx.medication().voidDose(given, "试一下作废"));
        assertFalse(
                ctx.currentUser().can(org.huyou.security.AppModule.MEDICATION_ROUNDS, org.huyou.security.Action.VIEW),
                "a caregiver gives doses (给药) without reading the orders");
        assertEquals(4, doseReminders().size(), "who gives doses sees the rounds");
    }
}
