package org.huyou.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plan refuses: its approval by whoever submitted it, and dates and amounts that make no sense (a graduation
 * already past or before the 18th birthday, a zero top-up, an assessment before the birth, a leaving before the
 * admission, a payment before the birth, a visit before the leaving), each in a sentence naming the field, and
 * nothing written.
 */
class PlanRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate BORN = LocalDate.of(2009, 6, 10);
    static final LocalDate ADMITTED = BORN.plusMonths(2); // as CareStaff admits the child

    @TempDir
    Path dir;

    CareStaff home;
    TransitionService transition;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        home = new CareStaff(dir, TODAY, BORN);
        transition = home.ctx.transition();
        home.as(Role.SOCIAL_WORKER);
    }

    @AfterEach
    void close() {
        home.close();
    }

    long child() {
        return home.child.id();
    }

    /** The one refusal of a call: its field and its sentence. */
    static FieldError refusal(Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertEquals(1, e.errors().size(), e.userMessage());
        return e.errors().get(0);
    }

    /** Assessed, socialized placement submitted by the social worker and approved by the director. */
    TransitionPlan approved() {
        transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), null, null);
        TransitionPlan p = transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, new BigDecimal("500"));
        home.as(Role.DIRECTOR);
        transition.approve(p.id(), p.version());
        home.as(Role.SOCIAL_WORKER);
        return transition.plan(child()).orElseThrow();
    }

    /**
     * One person who both plans and approves (a director who is also the social worker) submits a plan: they cannot
     * approve it, whatever roles they hold; the director can. Deciding again makes it the new submitter's, and the
     * one who holds both roles may then approve it.
     */
    @Test
    void whoSubmittedAPlanDoesNotApproveIt() {
        home.as(Role.ADMINISTRATOR);
        home.ctx.accounts().create("both", "张兼职", TestHome.PASSWORD, EnumSet.of(Role.SOCIAL_WORKER, Role.DIRECTOR));
        home.ctx.login().logout();
        home.ctx.login().login("both", TestHome.PASSWORD.toCharArray());
        transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), null, null);
        TransitionPlan draft = transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, null);

        UserFacingException own =
                assertThrows(UserFacingException.class, () -> transition.approve(draft.id(), draft.version()));
        assertEquals(Messages.t("transition.ownDecision"), own.userMessage());
        assertEquals(
                TransitionPlan.Status.DRAFT,
                transition.plan(child()).orElseThrow().status());
        assertTrue(transition.tasks(draft.id()).isEmpty(), "a refused approval generates nothing");
        assertTrue(transition.payments(draft.id()).isEmpty());

        home.as(Role.DIRECTOR);
        TransitionPlan approved = transition.approve(draft.id(), draft.version());
        assertEquals(TransitionPlan.Status.APPROVED, approved.status());
        assertEquals("director", approved.approvedBy());

        // decided again by the social worker, the plan is theirs: the one who holds both roles may approve it now
        home.as(Role.SOCIAL_WORKER);
        TransitionPlan again = transition.decide(child(), Pathway.DESTITUTE_SUPPORT, "需要特困供养", null, null);
        home.ctx.login().logout();
        home.ctx.login().login("both", TestHome.PASSWORD.toCharArray());
        assertEquals(
                TransitionPlan.Status.APPROVED,
                transition.approve(again.id(), again.version()).status());
    }

    @Test
    void anExpectedGraduationAlreadyPastOrBeforeTheEighteenthBirthdayIsRefused() {
        transition.assess(child(), TODAY, List.of(3, 3, 3, 3, 3, 4), null, null);
        // already past, and before the birthday too: both sentences, of the one field
        ValidationException past = assertThrows(
                ValidationException.class,
                () -> transition.decide(child(), Pathway.CONTINUING_EDUCATION, "考取高职", TODAY.minusDays(1), null));
        assertEquals(
                List.of("预计毕业：不能早于今天。", "预计毕业：不能早于18 周岁生日（2027-06-10）。"),
                past.errors().stream().map(FieldError::message).toList());
        assertTrue(past.errors().stream().allMatch(e -> e.field().equals("expectedGraduation")));

        FieldError young = refusal(
                () -> transition.decide(child(), Pathway.CONTINUING_EDUCATION, "考取高职", LocalDate.of(2027, 6, 9), null));
        assertEquals("expectedGraduation", young.field());
        assertEquals("预计毕业：不能早于18 周岁生日（2027-06-10）。", young.message());

        ValidationException beforeBirth = assertThrows(
                ValidationException.class,
                () -> transition.decide(child(), Pathway.CONTINUING_EDUCATION, "考取高职", BORN.minusYears(1), null));
        assertTrue(
                beforeBirth.errors().stream().allMatch(e -> e.field().equals("expectedGraduation")),
                beforeBirth.userMessage());
        assertEquals(Optional.empty(), transition.plan(child()), "nothing decided");

        TransitionPlan ok =
                transition.decide(child(), Pathway.CONTINUING_EDUCATION, "考取高职", LocalDate.of(2027, 6, 10), null);
        assertEquals(LocalDate.of(2027, 6, 10), ok.expectedGraduation());
    }

    @Test
    void aCityTopUpOfZeroOrLessIsRefusedNamingIt() {
        transition.assess(child(), TODAY, List.of(4, 3, 3, 3, 3, 2), null, null);
        for (String amount : new String[] {"0", "0.00", "-100"}) {
            FieldError e = refusal(
                    () -> transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, new BigDecimal(amount)));
            assertEquals("cityTopUp", e.field());
            assertTrue(e.message().startsWith("市级追加补助："), e.message());
        }
        assertEquals(Optional.empty(), transition.plan(child()), "nothing decided");
        Messages.use(Messages.ENGLISH);
        try {
            FieldError e =
                    refusal(() -> transition.decide(child(), Pathway.SOCIALIZED, "能独立生活", null, BigDecimal.ZERO));
            assertTrue(e.message().startsWith("City top-up:"), e.message());
        } finally {
            Messages.use(Messages.CHINESE);
        }
    }

    @Test
    void anAssessmentBeforeTheBirthIsRefused() {
        FieldError e =
                refusal(() -> transition.assess(child(), BORN.minusDays(1), List.of(3, 3, 3, 3, 3, 3), null, null));
        assertEquals("assessedOn", e.field());
        assertEquals("评估日期：不能早于出生日期（2009-06-10）。", e.message());
        assertTrue(transition.assessments(child()).isEmpty());
    }

    @Test
    void aLeavingBeforeTheAdmissionIsRefusedNamingBothDates() {
        TransitionPlan p = approved();
        FieldError e = refusal(() -> transition.recordLeaving(p.id(), ADMITTED.minusDays(1)));
        assertEquals("leftOn", e.field());
        assertEquals("离院日期：不能早于入院日期（" + ADMITTED + "）。", e.message());
        assertEquals(
                TransitionPlan.Status.APPROVED,
                transition.plan(child()).orElseThrow().status());
        assertEquals(Optional.of(ResidentStatus.IN_CARE), home.ctx.residents().currentStatus(child()));
        assertTrue(transition.followUps(p.id()).isEmpty());
    }

    @Test
    void aPaymentBeforeTheBirthAndAVisitBeforeTheLeavingAreRefused() {
        TransitionPlan p = approved();
        Payment subsidy = transition.payments(p.id()).get(0);
        FieldError paid = refusal(() -> transition.recordPaid(subsidy.id(), BORN.minusYears(1), "转账 0001"));
        assertEquals("paidOn", paid.field());
        assertEquals("发放日期：不能早于出生日期（2009-06-10）。", paid.message());
        assertEquals(null, transition.payments(p.id()).get(0).paidOn(), "not recorded");

        LocalDate left = TODAY.minusDays(10);
        transition.recordLeaving(p.id(), left);
        FollowUp first = transition.followUps(p.id()).get(0);
        FieldError visit = refusal(() -> transition.recordVisit(new FollowUp(
                first.id(), p.id(), first.dueOn(), left.minusDays(1), "租房", "快递员", null, "3000元/月", null)));
        assertEquals("visitedOn", visit.field());
        assertEquals("回访日期：不能早于离院日期（" + left + "）。", visit.message());
        assertEquals(null, transition.followUps(p.id()).get(0).visitedOn(), "not recorded");
        transition.recordVisit(
                new FollowUp(first.id(), p.id(), first.dueOn(), left, "租房", "快递员", null, "3000元/月", null));
        assertEquals(left, transition.followUps(p.id()).get(0).visitedOn());
    }
}
