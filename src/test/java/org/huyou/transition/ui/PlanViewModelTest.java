package org.huyou.transition.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.HeardNotices;
import org.huyou.transition.Capability;
import org.huyou.transition.Pathway;
import org.huyou.transition.Payment;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionPlan;
import org.huyou.transition.TransitionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One youth's plan without controls, on a real home: assessed, decided with a checked top-up, approved, settled. */
class PlanViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;
    HeardNotices heard = new HeardNotices();
    List<String> changed = new ArrayList<>();
    PlanViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        home = new CareStaff(dir.resolve("home"), DAY, LocalDate.of(2009, 6, 10));
        home.as(Role.SOCIAL_WORKER);
        vm = viewModel(true);
        vm.show(youth());
    }

    private PlanViewModel viewModel(boolean edit) {
        return new PlanViewModel(
                home.ctx.transition(),
                home.ctx.transitionDocuments(),
                new DirectTaskRunner(),
                heard,
                home.clock,
                edit,
                dir.resolve("placement"),
                () -> changed.add("changed"));
    }

    private TransitionService.Row youth() {
        return home.ctx.transition().dashboard().turning().stream()
                .filter(r -> r.residentId() == home.child.id())
                .findFirst()
                .orElseThrow();
    }

    @AfterEach
    void close() {
        home.close();
    }

    /** A decision needs an assessment first; what that one said and changed is forgotten. */
    private void assessed() {
        vm.scores.forEach(s -> s.set(3));
        vm.assess();
        assertEquals(List.of(), heard.errors);
        heard.said.clear();
        changed.clear();
    }

    private void decide(String topUp) {
        vm.pathway.set(Pathway.SOCIALIZED);
        vm.basis.set("能力评估结论：可独立生活。");
        vm.topUp.set(topUp);
        vm.decide("城市补助（元）");
    }

    @Test
    void anAssessmentTakesTheSuggestedConclusionAndClearsTheForm() {
        assertEquals(Messages.t("transition.notAssessed"), vm.suggestion().get());
        assertEquals(Messages.t("transition.noPlan"), vm.planStatus().get());
        assertFalse(vm.approvable().get());
        assertTrue(vm.who().contains(home.child.name()), vm.who());
        assertEquals(DAY, vm.assessedOn.get());

        vm.scores.forEach(s -> s.set(3));
        List<Integer> threes = vm.scores.stream().map(ObjectProperty::get).toList();
        assertEquals(Capability.suggest(threes), vm.conclusion.get(), "suggested once every score is given");
        vm.assessmentNotes.set("生活自理良好");
        vm.assess();
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.assessments().size());
        assertTrue(vm.scores.stream().allMatch(s -> s.get() == null), "the scores are cleared");
        assertEquals("", vm.assessmentNotes.get());
        assertFalse(vm.suggestion().get().equals(Messages.t("transition.notAssessed")));
        assertEquals(List.of("changed"), changed);
    }

    @Test
    void aTopUpWithLettersIsRefusedByNameAndADecisionAwaitsTheDirector() {
        assessed();
        decide("5百");
        assertTrue(heard.last().startsWith("城市补助（元）"), heard.last());
        assertEquals(Messages.t("transition.noPlan"), vm.planStatus().get(), "nothing decided");
        assertEquals(List.of(), changed);

        decide("500");
        assertEquals(List.of(), heard.errors.subList(1, heard.errors.size()));
        assertEquals(List.of(Messages.t("transition.decided")), heard.said);
        assertTrue(vm.approvable().get(), "a draft awaits approval");
        assertEquals("500.00", vm.topUp.get(), "the form shows the decision as stored");
        assertTrue(vm.tasks().isEmpty(), "no tasks before the director approves");

        home.as(Role.DIRECTOR);
        PlanViewModel directors = viewModel(false);
        directors.show(youth());
        directors.approve();
        assertFalse(directors.approvable().get());
        assertTrue(
                directors.planStatus().get().contains(TransitionPlan.Status.APPROVED.label()),
                directors.planStatus().get());
        assertEquals(Messages.t("transition.approved"), heard.last());
        assertFalse(directors.tasks().isEmpty(), "the approval brings the tasks");
    }

    @Test
    void aTaskIsSettledAndAnEarlyPaymentIsNoticed() {
        assessed();
        decide("500"); // a city top-up: the plan has payments to record
        home.as(Role.DIRECTOR);
        PlanViewModel directors = viewModel(false);
        directors.show(youth());
        directors.approve();
        assertEquals(List.of(), heard.errors);
        home.as(Role.SOCIAL_WORKER);
        vm = viewModel(true);
        vm.show(youth());
        Task first = vm.tasks().get(0);
        vm.selectedTask.set(first);
        vm.setTask(Task.Status.DONE);
        Task after = vm.tasks().stream()
                .filter(t -> t.id() == first.id())
                .findFirst()
                .orElseThrow();
        assertEquals(Task.Status.DONE, after.status());

        assertFalse(vm.paymentLooksEarly(), "no payment chosen");
        Payment p = vm.payments().get(0);
        vm.selectedPayment.set(p);
        vm.paidOn.set(p.dueOn().minusDays(PlanViewModel.EARLY_DAYS + 1));
        assertTrue(vm.paymentLooksEarly(), "a month before it is due: the View asks first");
        vm.paidOn.set(p.dueOn());
        assertFalse(vm.paymentLooksEarly());
    }

    @Test
    void thePlanIsPrintedAndTheSameChildShownAgainKeepsItsTicks() throws Exception {
        assessed();
        decide("");
        heard.said.clear();
        vm.printPlan();
        assertEquals(1, heard.said.size(), heard.errors.toString());
        try (var files = Files.list(dir.resolve("placement"))) {
            assertEquals(1, files.count());
        }
        vm.tickedDocuments.add(42L);
        vm.show(youth());
        assertEquals(List.of(42L), List.copyOf(vm.tickedDocuments), "the same child again keeps its ticks");
    }
}
