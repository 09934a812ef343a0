package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyConflict;
import org.huyou.care.medical.DrugClass;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.Medication;
import org.huyou.common.Messages;
import org.huyou.common.Pinyin;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.TestHome;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The medical tab without controls, on a real home: the allergy refusal and its override with a reason, what the
 * forms clear, what the drug picker offers, and a dose voided staying in the record.
 */
class MedicalViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final String REASON = "儿科会诊确认皮疹与磺胺无关，继续治疗";

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    final List<String> told = new ArrayList<>();
    MedicalViewModel vm;

    @BeforeEach
    void open() {
        vm = new MedicalViewModel(
                home.ctx().allergies(),
                home.ctx().medicalRecords(),
                home.ctx().medication(),
                home.ctx().formulary(),
                home.tasks,
                heard,
                DAY);
        vm.setOnChanged(() -> told.add("changed"));
        vm.loadFormulary();
        vm.show(home.child().id());
    }

    void allergicToSulfonamides() {
        vm.allergyClass.set(vm.drugClasses().stream()
                .filter(c -> c != null && c.code().equals("SULFONAMIDE"))
                .findFirst()
                .orElseThrow());
        vm.reaction.set("荨麻疹");
        vm.severity.set(Allergy.Severity.SEVERE);
        vm.addAllergy();
    }

    void typeOrder(String drug) {
        vm.drug.set(drug);
        vm.dose.set("0.5g");
        vm.times.set("08:00,20:00");
    }

    @Test
    void anAllergyIsRecordedByClassAndTheFormIsClearedAndTheFileTold() {
        assertNull(vm.drugClasses().get(0), "free text comes first");
        allergicToSulfonamides();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.allergies().size());
        assertEquals("SULFONAMIDE", vm.allergies().get(0).drugClass());
        assertEquals("", vm.reaction.get());
        assertNull(vm.allergyClass.get());
        assertNull(vm.severity.get(), "the form starts again: the severity unchosen, never guessed");
        assertEquals(List.of("changed"), told, "the file's header shows allergies");
    }

    @Test
    void anAllergyWithoutAChosenSeverityIsRefusedNamingItAndNothingIsRecorded() {
        assertNull(vm.severity.get(), "a new allergy's severity starts unchosen: a default would be a guess");
        vm.substance.set("青霉素");
        vm.reaction.set("皮疹");
        vm.addAllergy();
        assertEquals(1, heard.errors.size(), "refused: " + heard.errors);
        assertTrue(heard.errors.get(0).startsWith(Messages.t("allergy.severity")), heard.errors.get(0));
        assertEquals(0, vm.allergies().size());
        assertEquals("青霉素", vm.substance.get(), "what was typed stays for the retry");
    }

    @Test
    void aRefusedAllergyKeepsEverythingTypedForTheRetry() {
        DrugClass sulfonamides = vm.drugClasses().stream()
                .filter(c -> c != null && c.code().equals("SULFONAMIDE"))
                .findFirst()
                .orElseThrow();
        vm.allergyClass.set(sulfonamides);
        vm.substance.set("磺".repeat(101)); // longer than a substance may be
        vm.reaction.set("荨麻疹");
        vm.addAllergy();
        assertEquals(1, heard.errors.size(), "refused: " + heard.errors);
        assertEquals(sulfonamides, vm.allergyClass.get(), "the class chosen stays");
        assertEquals("荨麻疹", vm.reaction.get());
        assertEquals(0, vm.allergies().size());
    }

    @Test
    void theDrugPickerNarrowsToWhatIsTypedAndNamesThePickedDrugsClass() {
        int all = vm.drugChoices().size();
        vm.drug.set("磺胺");
        assertTrue(
                vm.drugChoices().size() < all && vm.drugChoices().contains("磺胺嘧啶"),
                vm.drugChoices().toString());
        assertTrue(vm.drugChoices().stream().allMatch(n -> vm.choiceText(n).contains("磺胺")));
        assertEquals(Messages.t("medication.notPicked"), vm.drugInfoProperty().get(), "no drug has that name");
        vm.drug.set("磺胺嘧啶");
        assertTrue(
                vm.drugInfoProperty().get().contains(DrugClass.label("SULFONAMIDE")),
                vm.drugInfoProperty().get());
        vm.drug.set("不存在的药");
        assertEquals(Messages.t("medication.notPicked"), vm.drugInfoProperty().get());
        assertEquals(List.of(), vm.drugChoices());
    }

    /** As residents and donors are found: the initials or the full pinyin of the drug's name, typed in letters. */
    @Test
    void theDrugPickerFindsADrugByItsPinyin() {
        vm.drug.set("blf");
        assertTrue(vm.drugChoices().contains("布洛芬"), vm.drugChoices().toString());
        assertTrue(
                vm.drugChoices().stream()
                        .allMatch(n -> n.contains("blf") || Pinyin.initials(n).startsWith("blf")),
                vm.drugChoices().toString());
        vm.drug.set("BuLuo");
        assertTrue(vm.drugChoices().contains("布洛芬"), "full pinyin, any case: " + vm.drugChoices());
        vm.drug.set("qxz");
        assertEquals(List.of(), vm.drugChoices(), "no drug reads so");
    }

    @Test
    void anOrderAgainstAnAllergyIsRefusedUntilAReasonIsGivenAndThenCarriesIt() {
        allergicToSulfonamides();
        typeOrder("磺胺嘧啶");
        List<String> asked = new ArrayList<>();
        vm.prescribe((drug, conflicts) -> {
            asked.add(drug + ":"
                    + conflicts.stream().map(AllergyConflict::message).toList());
            return Optional.empty();
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("磺胺嘧啶:"), asked.toString());
        assertTrue(vm.orders().isEmpty(), "cancelled: nothing ordered");
        assertEquals(List.of(), heard.errors, "the refusal is the question, not an error");
        assertEquals("0.5g", vm.dose.get(), "the form is kept");

        vm.prescribe((drug, conflicts) -> Optional.of("不行"));
        assertTrue(vm.orders().isEmpty(), "a reason that is not words orders nothing");
        assertEquals(1, heard.errors.size(), heard.errors.toString());

        vm.prescribe((drug, conflicts) -> Optional.of(REASON));
        assertEquals(1, vm.orders().size(), heard.errors.toString());
        Medication.Order made = vm.orders().get(0);
        assertEquals(REASON, made.allergyOverride());
        assertTrue(made.covers(vm.conflicts(made)), "the override covers the allergy it was given for");
        assertEquals(1, vm.conflicts(made).size());
        assertEquals("", vm.drug.get());
        assertEquals("", vm.dose.get());
        assertEquals("", vm.times.get());
    }

    @Test
    void anOrderWithoutConflictIsMadeWithoutAskingAndAVoidedDoseStaysMarked() {
        typeOrder("维生素D滴剂");
        vm.dose.set("1粒");
        vm.times.set("09:30");
        vm.start.set(DAY.minusDays(1));
        vm.prescribe((drug, conflicts) -> {
            throw new AssertionError("asked without a conflict");
        });
        assertEquals(List.of(), heard.errors);
        Medication.Order order = vm.orders().get(0);
        assertEquals(List.of(), vm.conflicts(order));
        home.ctx().medication().recordDose(order.id(), DAY.minusDays(1).atTime(9, 30), Medication.Outcome.GIVEN, null);
        vm.reload();
        assertEquals(1, vm.mar().size());
        vm.voidDose(vm.mar().get(0), "记错了儿童，已更正");
        vm.changed();
        assertEquals(1, vm.mar().size(), "voided, not deleted");
        assertTrue(vm.mar().get(0).voided());
    }

    @Test
    void aRecordIsAddedWithTheTypedDateAndNoResidentClearsTheTab() {
        vm.title.set("入院体检");
        vm.detail.set("身高体重正常");
        vm.recordDate.set(DAY.minusDays(2));
        vm.addRecord();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.records().size());
        assertEquals(DAY.minusDays(2), vm.records().get(0).date());
        assertEquals("", vm.title.get());
        assertEquals(DAY, vm.recordDate.get(), "the form starts again at today: the next record is not back-dated");

        vm.show(null);
        assertTrue(vm.records().isEmpty());
        assertTrue(vm.allergies().isEmpty());
    }

    /**
     * A tester's record was dated like the one before, for the next child too: after a save each form starts again
     * (today, its first kind, nothing picked), and another child opens every form of the tab at its defaults.
     */
    @Test
    void aSavedFormStartsAgainAndAnotherChildGetsEveryFormAtItsDefaults() {
        vm.kind.set(MedicalRecord.Kind.values()[1]);
        vm.recordDate.set(DAY.minusDays(5));
        vm.title.set("复诊");
        vm.funding.set(MedicalRecord.Funding.values()[0]);
        vm.nextDue.set(DAY.plusDays(30));
        vm.addRecord();
        assertEquals(List.of(), heard.errors);
        assertEquals(DAY.minusDays(5), vm.records().get(0).date(), "saved as typed");
        assertEquals(MedicalRecord.Kind.CHECKUP, vm.kind.get());
        assertEquals(DAY, vm.recordDate.get());
        assertNull(vm.funding.get());
        assertNull(vm.nextDue.get());

        // typed for this child and not saved (the file asked first: 放弃修改), then another child is opened
        vm.recordDate.set(DAY.minusDays(3));
        vm.kind.set(MedicalRecord.Kind.values()[1]);
        vm.severity.set(Allergy.Severity.SEVERE);
        vm.start.set(DAY.minusDays(7));
        vm.end.set(DAY.plusDays(7));
        Resident other = home.as(Role.ADMINISTRATOR).ctx().residents().create(TestHome.boyDraft());
        home.as(Role.MEDICAL_STAFF);
        vm.show(other.id());
        assertEquals(DAY, vm.recordDate.get(), "the next child's record is not dated as the last one's");
        assertEquals(MedicalRecord.Kind.CHECKUP, vm.kind.get());
        assertNull(vm.severity.get());
        assertEquals(DAY, vm.start.get());
        assertNull(vm.end.get());

        vm.recordDate.set(DAY.minusDays(1));
        vm.show(other.id()); // the same child again (a reload) keeps what is in the forms
        assertEquals(DAY.minusDays(1), vm.recordDate.get());
    }
}
