package org.huyou.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.security.PermissionDeniedException;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home's templates and standards, set apart from any plan, are what an approved plan and a leaving are made of. */
class TransitionSettingsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, TODAY, LocalDate.of(2009, 6, 10));
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void theStandardsAndATemplatesNewTaskShapeTheNextApprovedPlanAndItsVisits() {
        TransitionSettings settings = home.ctx.transitionSettings();
        TransitionSettings.Standards standards =
                new TransitionSettings.Standards(new BigDecimal("60000"), new BigDecimal("12000"), List.of(6, 2));
        home.as(Role.SOCIAL_WORKER);
        assertThrows(PermissionDeniedException.class, () -> settings.setStandards(standards), "the director's");
        Task.Template added = settings.addTemplate(
                new Task.Template(0, Pathway.SOCIALIZED, "办理社保卡", Department.HUMAN_RESOURCES, 2, "身份证"));
        assertTrue(settings.templates(Pathway.SOCIALIZED).contains(added));

        home.as(Role.DIRECTOR);
        settings.setStandards(standards);
        assertEquals(List.of(2, 6), settings.standards().followUpMonths());
        assertEquals(0, new BigDecimal("60000").compareTo(settings.standards().subsidy()));

        TransitionService transition = home.ctx.transition();
        home.as(Role.SOCIAL_WORKER);
        transition.assess(home.child.id(), TODAY, List.of(4, 3, 3, 3, 3, 2), null, null);
        TransitionPlan draft = transition.decide(home.child.id(), Pathway.SOCIALIZED, "能独立生活", null, null);
        home.as(Role.DIRECTOR);
        TransitionPlan plan = transition.approve(draft.id(), draft.version());
        assertTrue(transition.tasks(plan.id()).stream().anyMatch(t -> t.title().equals("办理社保卡")));
        assertEquals(
                0,
                new BigDecimal("60000")
                        .compareTo(transition.payments(plan.id()).get(0).amount()));

        home.as(Role.SOCIAL_WORKER);
        transition.recordLeaving(plan.id(), TODAY);
        assertEquals(
                List.of(TODAY.plusMonths(2), TODAY.plusMonths(6)),
                transition.followUps(plan.id()).stream().map(FollowUp::dueOn).toList());
    }
}
