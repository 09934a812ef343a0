package org.huyou.transition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huyou.db.SettingsRepository;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;

/**
 * The demo home's transitions: every resident aged 16 and over assessed; of those, some with a pathway waiting for
 * the director, some approved with the first tasks done and the subsidy scheduled. Deterministic.
 */
public final class TransitionDemo {

    private static final List<List<Integer>> PROFILES = List.of(
            List.of(4, 4, 3, 3, 3, 3), List.of(3, 3, 3, 2, 2, 3), List.of(4, 3, 4, 3, 3, 4), List.of(1, 1, 2, 1, 1, 0));

    private final TransitionRepository repo;
    private final SettingsRepository settings;
    private final DemoPartWriter writer;

    public TransitionDemo(TransitionRepository repo, SettingsRepository settings, DemoPartWriter writer) {
        this.repo = repo;
        this.settings = settings;
        this.writer = writer;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(LocalDateTime moment) {
        writer.write(moment, LocalTime.of(11, 0), (today, now) -> {
            List<TransitionRepository.Candidate> people =
                    repo.bornBy(AdultAge.bornBy(today, AdultAge.DASHBOARD_FROM), TransitionService.LIVING_HERE);
            for (int i = 0; i < people.size(); i++) {
                TransitionRepository.Candidate c = people.get(i);
                List<Integer> scores = PROFILES.get(i % PROFILES.size());
                Capability.Conclusion conclusion = Capability.suggest(scores);
                repo.insertAssessment(
                        Capability.assessed(
                                c.residentId(),
                                today.minusDays(20 + i * 3),
                                scores,
                                "示例评估：由社工与生活老师共同完成。",
                                conclusion,
                                Accounts.DEMO_ACTOR),
                        Accounts.DEMO_ACTOR,
                        now.minusDays(20));
                if (i % 3 == 2) {
                    continue; // assessed, pathway not decided yet
                }
                boolean studying = repo.studying(c.residentId());
                Pathway pathway = Pathway.suggest(conclusion, studying);
                LocalDate eighteenth = AdultAge.eighteenth(c.birthDate());
                long planId = repo.insertPlan(new TransitionPlan(
                        0,
                        c.residentId(),
                        pathway,
                        "依据个人能力评估和本人意愿。",
                        TransitionPlan.Status.DRAFT,
                        pathway == Pathway.CONTINUING_EDUCATION ? LocalDate.of(eighteenth.getYear() + 3, 6, 30) : null,
                        null,
                        Accounts.DEMO_ACTOR,
                        now.minusDays(10),
                        null,
                        null,
                        null,
                        0));
                if (i % 3 == 1) {
                    continue; // waiting for the director
                }
                // approved as the service approves, by someone other than who submitted it
                TransitionService.approveAs(
                        repo, settings, repo.plan(planId).orElseThrow(), 0, Accounts.DEMO_APPROVER, now.minusDays(5));
                repo.tasks(planId).stream()
                        .filter(t -> t.dueOn().isBefore(today.minusMonths(1)))
                        .findFirst()
                        .ifPresent(t -> repo.setTaskStatus(
                                t.id(), Task.Status.DONE, today.minusDays(3), null, Accounts.DEMO_ACTOR, now));
            }
        });
    }
}
