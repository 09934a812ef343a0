package org.huyou.residents.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.Role;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The register's first page asked for at the login (issue 31): the list's first load shows that page rather than
 * asking again, takes it only once and only for the rows it was asked for, and a page that could not be read leaves
 * the list to ask as it always does.
 */
class RegisterHeadStartTest {

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(LocalDate.of(2026, 11, 23), Role.SOCIAL_WORKER);

    private ResidentListViewModel list(RegisterHeadStart early) {
        ResidentListViewModel list = new ResidentListViewModel(home.ctx().residents(), home.tasks);
        List<Throwable> errors = new ArrayList<>();
        list.setOnError(errors::add);
        list.useHeadStart(early);
        return list;
    }

    private static List<String> names(ResidentListViewModel list) {
        return list.rows().stream().map(ResidentSummary::name).toList();
    }

    @Test
    void theFirstLoadShowsThePageAskedForAtTheLoginOnce() {
        RegisterHeadStart early = RegisterHeadStart.begin(home.ctx().residents());
        early.take(() -> null); // the early query has answered: a resident added now is not in its page
        home.ctx().residents().create(ResidentServiceFixture.draft("后来者"));
        ResidentListViewModel list = list(early);

        list.refresh();
        assertEquals(List.of(home.child().name()), names(list), "the page read at the login, not asked again");
        list.refresh();
        assertTrue(names(list).contains("后来者"), "taken once: the next load asks the database");
    }

    @Test
    void aFirstLoadOfOtherRowsAsksForItsOwn() {
        RegisterHeadStart early = RegisterHeadStart.begin(home.ctx().residents());
        early.take(() -> null);
        home.ctx().residents().create(ResidentServiceFixture.draft("后来者"));
        ResidentListViewModel list = list(early);

        list.queryProperty().set("后来"); // a query typed before the first page arrived
        assertEquals(List.of("后来者"), names(list));
        list.queryProperty().set("");
        assertTrue(names(list).contains("后来者"), "the early page is not shown for a later load either");
    }

    @Test
    void aPageThatCouldNotBeReadLeavesTheListToAskItself() {
        home.ctx().login().logout(); // nobody may read the register: the early query is refused
        RegisterHeadStart early = RegisterHeadStart.begin(home.ctx().residents());
        home.as(Role.SOCIAL_WORKER);
        ResidentListViewModel list = list(early);

        list.refresh();
        assertEquals(List.of(home.child().name()), names(list));
    }
}
