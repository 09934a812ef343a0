package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineEntry;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.residents.Resident;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timeline tab without controls, on a real home: the parts the viewer may see offered as filters, the entries
 * newest first a page at a time, the filters by part and by date, the linked documents counted once per search, and
 * nothing without a resident.
 */
class TimelineViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, LocalDate.of(2024, 5, 1), Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    final List<Long> countedFor = new ArrayList<>();
    TimelineViewModel vm;

    @BeforeEach
    void open() {
        long child = home.child().id();
        for (int daysAgo : new int[] {30, 20, 10}) {
            home.ctx()
                    .growth()
                    .record(child, DAY.minusDays(daysAgo), new BigDecimal("86"), new BigDecimal("12.5"), null, null);
        }
        EntryDocuments documents = new EntryDocuments() {
            @Override
            public Map<String, Integer> counts(long residentId) {
                countedFor.add(residentId);
                return Map.of(TimelineEntry.key("medical_record", 7), 2); // two documents linked to one record
            }

            @Override
            public void show(TimelineEntry entry) {}
        };
        vm = new TimelineViewModel(home.ctx().timeline(), documents, home.tasks, heard, 2);
    }

    @Test
    void theEntriesComeNewestFirstAPageAtATimeWithTheirDocuments() {
        vm.loadDomains();
        assertNull(vm.domains().get(0), "every part first");
        assertTrue(vm.domains().contains(CareDomain.GROWTH), vm.domains().toString());

        vm.show(home.child().id());
        assertEquals(List.of(), heard.errors);
        assertEquals(
                List.of(DAY.minusDays(10), DAY.minusDays(20)),
                vm.entries().stream().map(TimelineEntry::date).toList());
        assertTrue(vm.moreProperty().get());
        assertEquals(0, vm.linked(vm.entries().get(0)), "a measurement names no table a document links to");
        assertEquals(
                2, vm.linked(new TimelineEntry(CareDomain.MEDICAL, 7, DAY, "门诊", null, false, null, "medical_record")));

        vm.loadMore();
        assertEquals(
                List.of(DAY.minusDays(10), DAY.minusDays(20), DAY.minusDays(30)),
                vm.entries().stream().map(TimelineEntry::date).toList());
        assertFalse(vm.moreProperty().get());
        assertEquals(1, countedFor.size(), "the documents are counted for a new search, not for the next page");

        vm.show(null);
        assertTrue(vm.entries().isEmpty());
        assertFalse(vm.moreProperty().get());
    }

    @Test
    void theFiltersNarrowTheEntries() {
        vm.show(home.child().id());
        vm.from.set(DAY.minusDays(15));
        vm.search();
        assertEquals(
                List.of(DAY.minusDays(10)),
                vm.entries().stream().map(TimelineEntry::date).toList());
        assertFalse(vm.moreProperty().get());

        vm.from.set(null);
        vm.domain.set(CareDomain.MEDICAL);
        vm.search();
        assertTrue(vm.entries().isEmpty(), vm.entries().toString());

        vm.domain.set(CareDomain.GROWTH);
        vm.to.set(DAY.minusDays(25));
        vm.search();
        assertEquals(
                List.of(DAY.minusDays(30)),
                vm.entries().stream().map(TimelineEntry::date).toList());
        assertEquals(List.of(), heard.errors);
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsNamedNotSearched() {
        vm.show(home.child().id());
        assertEquals(Messages.t("timeline.empty"), vm.emptyTextProperty().get());
        vm.from.set(DAY.minusDays(5));
        vm.to.set(DAY.minusDays(25));
        vm.search();
        assertTrue(vm.entries().isEmpty());
        assertEquals(
                Messages.t("timeline.reversedRange", "2026-11-18", "2026-10-29"),
                vm.emptyTextProperty().get());
        vm.from.set(DAY.minusDays(1));
        vm.to.set(DAY);
        vm.search();
        assertTrue(vm.entries().isEmpty());
        assertEquals(
                Messages.t("timeline.emptyFiltered"), vm.emptyTextProperty().get(), "filtered, not empty");
    }

    @Test
    void anotherChildsTimelineStartsUnfiltered() {
        vm.show(home.child().id());
        vm.domain.set(CareDomain.MEDICAL);
        vm.from.set(DAY.minusDays(15));
        vm.search();
        assertTrue(vm.entries().isEmpty());
        Resident other = home.as(Role.ADMINISTRATOR).ctx().residents().create(secondChild());
        home.as(Role.MEDICAL_STAFF);
        home.ctx()
                .growth()
                .record(other.id(), DAY.minusDays(40), new BigDecimal("90"), new BigDecimal("13"), null, null);

        assertTrue(vm.isAnother(other.id()));
        vm.show(other.id());
        assertNull(vm.domain.get());
        assertNull(vm.from.get());
        assertEquals(
                List.of(DAY.minusDays(40)),
                vm.entries().stream().map(TimelineEntry::date).toList());

        vm.domain.set(CareDomain.MEDICAL);
        vm.show(other.id()); // the same child again (a reload) keeps the filter
        assertEquals(CareDomain.MEDICAL, vm.domain.get());
    }

    private Resident secondChild() {
        Resident c = home.child();
        return new Resident(
                null,
                null,
                null,
                "李小红",
                null,
                Gender.FEMALE,
                c.birthDate(),
                false,
                null,
                null,
                null,
                c.category(),
                c.admissionDate(),
                c.admissionSource(),
                null,
                c.disabilityType(),
                c.disabilityGrade(),
                c.guardianship(),
                null,
                null,
                null);
    }
}
