package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.AppInternals;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyAtDoseException;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.AllergyConflictException;
import org.huyou.care.medical.DoseLimitException;
import org.huyou.care.medical.Formulary;
import org.huyou.care.medical.FormularyDrug;
import org.huyou.care.medical.FormularyRepository;
import org.huyou.care.medical.Medication;
import org.huyou.care.medical.MedicationRepository;
import org.huyou.care.medical.UnmatchedAllergenException;
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
import org.huyou.security.AuditLabels;
import org.huyou.security.Role;
import org.huyou.testing.MutableClock;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gaps a tester found in medication safety (issue 12's class: where harm is possible the check refuses by
 * default): a drug entered with the wrong class, an allergen with a typo or matching nothing, and doses that are not
 * doses or are far above the maximum.
 */
class IngredientAndDoseSafetyTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 10);
    static final String REASON = "儿科医生会诊后确认此剂量，已告知家属";

    @TempDir
    Path dir;

    AppContext ctx;
    Resident child;

    void open(LocalDate born) {
        MutableClock clock =
                new MutableClock(DAY.atTime(8, 10).toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
        ctx = TestHome.open(dir, clock);
        child = ctx.residents()
                .create(new Resident(
                        null,
                        null,
                        null,
                        "韩欣静",
                        null,
                        Gender.FEMALE,
                        born,
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

    private Medication.Order order(String drug, String dose, String times, String doseOverride) {
        return ctx.medication().prescribe(child.id(), drug, dose, times, DAY, null, null, null, doseOverride);
    }

    private List<AuditEntry> audit(String action) {
        ctx.login().logout();
        ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
        List<AuditEntry> rows =
                ctx.audit().browse(new AuditFilter(null, action, "medication_order", null, null, null), 10);
        ctx.login().logout();
        ctx.login().login("nurse", TestHome.PASSWORD.toCharArray());
        return rows;
    }

    @Test
    void theShippedFilesAgreeAndKnowIngredientsByTheirOtherNames() {
        Formulary f = Formulary.shipped();
        for (FormularyDrug d : f.drugs()) {
            assertEquals(
                    java.util.Optional.empty(),
                    f.contradiction(d.ingredient(), d.drugClass()),
                    d.name() + ": its class agrees with its known ingredients");
        }
        assertEquals("PENICILLIN", f.ingredient("氨苄青霉素").orElseThrow().drugClass());
        assertEquals("阿莫西林", f.ingredient("Amoxicillin").orElseThrow().name(), "an English name, any case");
        assertEquals("阿莫西林", f.ingredient("阿莫西临").orElseThrow().name(), "the same pinyin: one input slip");
        assertEquals("PENICILLIN", f.classOfText("青霉速").orElseThrow().code(), "a class by pinyin too");
        assertTrue(f.ingredient("花生").isEmpty());
        assertTrue(f.contradiction("氨苄青霉素", "MACROLIDE").orElseThrow().contains("青霉素类"));
        assertTrue(f.contradiction("阿莫西林+维生素C", "MACROLIDE").isPresent(), "no ingredient of that class");
        assertTrue(
                f.contradiction("对乙酰氨基酚+伪麻黄碱", "COUGH_COLD").isEmpty(),
                "an unknown ingredient may be the one of that class");
        assertTrue(
                f.contradiction("阿莫西林+克拉维酸", "BETA_LACTAM").isEmpty(),
                "a broader class of the same is no contradiction");
    }

    @Test
    void aDrugEnteredWithTheWrongClassIsRefusedAndOneAlreadyStoredIsCheckedByItsIngredientsClass() {
        open(LocalDate.of(2020, 1, 15));
        ValidationException wrong = assertThrows(
                ValidationException.class, () -> ctx.formulary().addDrug("氨苄青霉素胶囊", "氨苄青霉素", "MACROLIDE", "胶囊", "mg"));
        assertEquals("drugClass", wrong.errors().get(0).field());
        assertTrue(
                wrong.userMessage().contains("青霉素类") && wrong.userMessage().contains("大环内酯类"),
                "names the ingredient's class and the one chosen: " + wrong.userMessage());
        assertThrows(
                ValidationException.class,
                () -> ctx.formulary().addDrug("Amoxil", "阿莫西林", "MACROLIDE", null, null),
                "a brand name with a known ingredient");
        assertTrue(ctx.formulary().drugs().stream().noneMatch(d -> d.name().equals("Amoxil")), "nothing half-written");
        FormularyDrug right = ctx.formulary().addDrug("氨苄青霉素胶囊", "氨苄青霉素", "PENICILLIN", "胶囊", "mg");
        assertEquals("PENICILLIN", right.drugClass());

        // Entries of the wrong class stored before this check: the allergy check goes by what the ingredient is.
        FormularyRepository stored = new FormularyRepository(AppInternals.dsl(ctx));
        stored.insert(new FormularyDrug(0, "Amoxil", "阿莫西林", "MACROLIDE", null, null), "nurse", DAY.atTime(8, 0));
        stored.insert(new FormularyDrug(0, "氨苄", "氨苄青霉素", "MACROLIDE", null, null), "nurse", DAY.atTime(8, 0));
        // an order of one made before the allergy was recorded
        Medication.Order earlier = order("氨苄", "250 mg", "08:00,20:00", null);
        ctx.allergies().add(child.id(), "阿莫西林", "呼吸困难", Allergy.Severity.SEVERE, null);

        AllergyConflictException refused =
                assertThrows(AllergyConflictException.class, () -> order("氨苄", "250 mg", "08:00", null));
        assertTrue(refused.userMessage().contains("阿莫西林"), refused.userMessage());
        assertEquals(AllergyConflict.Kind.CROSS, refused.conflicts().get(0).kind());
        assertEquals("PENICILLIN", refused.conflicts().get(0).drugClass(), "the ingredient's class, not the entry's");
        assertEquals(
                AllergyConflict.Kind.INGREDIENT,
                ctx.medication().conflicts(child.id(), "Amoxil").get(0).kind());
        assertFalse(ctx.medication().ordersWithConflicts(child.id()).conflicts().isEmpty(), "the 过敏警示 column shows it");
        // at dose time: held, as any dose of a drug the child is allergic to
        assertFalse(ctx.medication().dueDoses().get(0).conflicts().isEmpty());
        assertThrows(
                AllergyAtDoseException.class,
                () -> ctx.medication().recordDose(earlier.id(), DAY.atTime(8, 0), Medication.Outcome.GIVEN, null));

        // an allergy in English to the class finds the brand name of another class
        ctx.allergies().add(child.id(), "Penicillin", null, Allergy.Severity.SEVERE, null);
        assertTrue(ctx.medication().conflicts(child.id(), "Amoxil").stream()
                .anyMatch(c -> c.allergy().substance().equals("Penicillin") && c.kind() == AllergyConflict.Kind.CLASS));
    }

    @Test
    void anAllergenWithATypoIsMatchedByPinyinAndOneMatchingNothingIsSavedOnlyConfirmedAndStaysMarked() {
        open(LocalDate.of(2020, 1, 15));
        Allergy typo = ctx.allergies().add(child.id(), "阿莫西临", "皮疹", Allergy.Severity.SEVERE, null);
        assertEquals("阿莫西林 · 青霉素类", ctx.allergies().matchedAs(typo.substance()).orElseThrow());
        assertEquals(
                AllergyConflict.Kind.INGREDIENT,
                ctx.medication().conflicts(child.id(), "阿莫西林").get(0).kind());
        assertEquals(
                AllergyConflict.Kind.CROSS,
                ctx.medication().conflicts(child.id(), "氨苄西林").get(0).kind(),
                "its class's other drugs warn too");
        assertFalse(ctx.allergies().warningsFor(child.id()).get(0).contains("只按名称"));

        UnmatchedAllergenException unmatched = assertThrows(
                UnmatchedAllergenException.class,
                () -> ctx.allergies().add(child.id(), "花生", "皮疹", Allergy.Severity.SEVERE, null));
        assertTrue(
                unmatched.userMessage().contains("不匹配")
                        && unmatched.userMessage().contains("名称完全一致"),
                unmatched.userMessage());
        assertEquals(1, ctx.allergies().current(child.id()).size(), "nothing saved unconfirmed");
        ctx.allergies().add(child.id(), "花生", null, "皮疹", Allergy.Severity.SEVERE, null, true);
        List<String> warnings = ctx.allergies().warningsFor(child.id());
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(1).contains("花生") && warnings.get(1).contains("只按名称核对"), warnings.toString());
        assertTrue(ctx.allergies().unmatched(ctx.allergies().current(child.id()).get(1)));
        // a class chosen needs no confirmation whatever the text
        ctx.allergies().add(child.id(), "某种抗生素", "SULFONAMIDE", null, Allergy.Severity.MILD, null, false);
    }

    @Test
    void aDoseThatIsZeroNegativeOrNoNumberIsRefusedNamingTheField() {
        open(LocalDate.of(2020, 1, 15));
        for (String bad : List.of("-5ml", "0 mg", "适量", "mg 250", "－5 ml")) {
            ValidationException e =
                    assertThrows(ValidationException.class, () -> order("对乙酰氨基酚", bad, "08:00", null), bad);
            assertEquals("dose", e.errors().get(0).field(), bad);
            assertTrue(
                    List.of("medication.doseUnreadable", "medication.doseNotPositive")
                            .contains(e.errors().get(0).messageKey()),
                    bad);
        }
        assertTrue(ctx.medication().orders(child.id()).isEmpty());
        assertEquals("1/2片", order("对乙酰氨基酚", "1/2片", "08:00", null).dose(), "a count is not checked");
    }

    @Test
    void aDoseAboveTheMaximumIsRefusedWithTheFiguresAndOrderedOnlyWithAReasonAuditedAndShownAtEachDose() {
        open(LocalDate.of(2009, 3, 1)); // 17: the adult maximum, no weight recorded
        DoseLimitException tooMuch =
                assertThrows(DoseLimitException.class, () -> order("布洛芬", "8000 mg", "06:00,12:00,18:00,23:00", null));
        String said = tooMuch.userMessage();
        assertTrue(
                said.contains("8000") && said.contains("400") && said.contains("32000") && said.contains("2400"),
                "the figures: " + said);
        assertTrue(said.contains("没有体重"), said);
        assertTrue(ctx.medication().orders(child.id()).isEmpty());
        ValidationException noReason =
                assertThrows(ValidationException.class, () -> order("布洛芬", "8000 mg", "06:00", "aaaaaa"));
        assertEquals("doseOverride", noReason.errors().get(0).field());
        assertThrows(DoseLimitException.class, () -> order("布洛芬", "8g", "08:00", null), "grams are milligrams too");

        Medication.Order o = order("布洛芬", "8000 mg", "08:00", REASON);
        assertEquals(REASON, o.doseOverride());
        assertEquals(REASON, ctx.medication().orders(child.id()).get(0).doseOverride());
        String overrideRow = AuditLabels.summary(audit("OVERRIDE").get(0));
        assertTrue(overrideRow.contains(REASON) && overrideRow.contains("8000 mg"), overrideRow);
        String created = AuditLabels.summary(audit("CREATE").get(0));
        assertTrue(created.contains("8000 mg"), "the order's audit row has its dose: " + created);

        var dose = ctx.reminders().due().stream()
                .filter(r -> !r.actions().isEmpty())
                .findFirst()
                .orElseThrow();
        assertNotNull(dose.warning(), "marked on the round");
        assertTrue(dose.what().contains(REASON), dose.what());
        ctx.medication().recordDose(o.id(), DAY.atTime(8, 0), Medication.Outcome.GIVEN, null);
        assertEquals(
                REASON, ctx.medication().administrations(child.id(), 5).get(0).doseOverride());
        // an ordinary dose is ordered as before, its audit row without an override
        assertNull(order("布洛芬", "400 mg", "08:00,20:00", null).doseOverride());
    }

    @Test
    void theLimitFollowsTheChildsLatestWeight() {
        open(LocalDate.of(2020, 1, 15));
        ctx.growth().record(child.id(), DAY.minusMonths(2), null, new BigDecimal("25"), null, null);
        ctx.growth().record(child.id(), DAY.minusDays(3), null, new BigDecimal("20"), null, null);
        DoseLimitException perKg = assertThrows(DoseLimitException.class, () -> order("布洛芬", "300 mg", "08:00", null));
        assertTrue(perKg.userMessage().contains("200") && perKg.userMessage().contains("20 kg"), perKg.userMessage());
        order("布洛芬", "200 mg", "08:00,14:00,20:00", null); // 10 mg/kg, 30 mg/kg a day
        DoseLimitException daily = assertThrows(
                DoseLimitException.class, () -> order("布洛芬", "200 mg", "04:00,08:00,12:00,16:00,20:00", null));
        assertTrue(daily.userMessage().contains("1000") && daily.userMessage().contains("800"), daily.userMessage());
    }

    @Test
    void anOrderAboveTheMaximumMadeBeforeTheCheckIsHeldAtTheDose() {
        open(LocalDate.of(2020, 1, 15));
        Medication.Order old = new Medication.Order(
                0,
                child.id(),
                "布洛芬",
                "8000 mg",
                List.of(java.time.LocalTime.of(8, 0)),
                DAY,
                null,
                null,
                "nurse",
                false,
                "布洛芬",
                "NSAID",
                null,
                java.util.Set.of(),
                null);
        long id = AppInternals.transactions(ctx)
                .inTransaction(() ->
                        new MedicationRepository(AppInternals.dsl(ctx)).insertOrder(old, "nurse", DAY.atTime(7, 0)));
        UserFacingException held = assertThrows(
                UserFacingException.class,
                () -> ctx.medication().recordDose(id, DAY.atTime(8, 0), Medication.Outcome.GIVEN, null));
        assertEquals("medication.doseHeld", held.messageKey());
        var round = ctx.reminders().due().stream()
                .filter(r -> !r.actions().isEmpty())
                .findFirst()
                .orElseThrow();
        assertNotNull(round.warning());
        ctx.medication().recordDose(id, DAY.atTime(8, 0), Medication.Outcome.REFUSED, null); // the safe outcome
    }
}
