package org.huyou.transition;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.huyou.transition.TransitionService.Dashboard;
import org.huyou.transition.TransitionService.Row;

/**
 * The transition dashboard's three lists, read for a day. The permission is checked by {@link TransitionService},
 * which callers use.
 */
final class TransitionDashboard {

    private final TransitionRepository repo;

    TransitionDashboard(TransitionRepository repo) {
        this.repo = repo;
    }

    Dashboard on(LocalDate today) {
        List<TransitionRepository.Candidate> people =
                repo.bornBy(AdultAge.bornBy(today, AdultAge.DASHBOARD_FROM), TransitionService.LIVING_HERE);
        Map<Long, TransitionPlan> plans = repo.plansOf(
                people.stream().map(TransitionRepository.Candidate::residentId).toList());
        Map<Long, Integer> overdue = repo.overdueCounts(
                plans.values().stream().map(TransitionPlan::id).toList(), today);
        List<Row> rows = people.stream()
                .map(c -> {
                    TransitionPlan p = plans.get(c.residentId());
                    return new Row(
                            c.residentId(),
                            c.name(),
                            c.recordNo(),
                            c.birthDate(),
                            c.estimated(),
                            AdultAge.eighteenth(c.birthDate()),
                            AdultAge.monthsLeft(today, c.birthDate()),
                            p == null ? null : p.pathway(),
                            p == null ? null : p.status(),
                            p == null ? 0 : overdue.getOrDefault(p.id(), 0),
                            null);
                })
                .filter(r -> r.planStatus() != TransitionPlan.Status.LEFT)
                .toList();
        List<Row> left = repo.leftWithVisits().stream()
                .map(l -> new Row(
                        l.person().residentId(),
                        l.person().name(),
                        l.person().recordNo(),
                        l.person().birthDate(),
                        l.person().estimated(),
                        AdultAge.eighteenth(l.person().birthDate()),
                        AdultAge.monthsLeft(today, l.person().birthDate()),
                        l.pathway(),
                        TransitionPlan.Status.LEFT,
                        0,
                        l.nextVisit()))
                .toList();
        Comparator<Row> order =
                Comparator.comparingInt((Row r) -> -r.overdueTasks()).thenComparing(Row::eighteenth);
        return new Dashboard(
                rows.stream()
                        .filter(r -> !AdultAge.adultOn(today, r.birthDate()))
                        .sorted(order)
                        .toList(),
                rows.stream()
                        .filter(r -> AdultAge.adultOn(today, r.birthDate()))
                        .sorted(order)
                        .toList(),
                left);
    }
}
