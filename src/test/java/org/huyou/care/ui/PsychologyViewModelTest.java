package org.huyou.care.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.huyou.care.psych.Instrument;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.psych.Screening;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The psychology tab without controls, on a real home: a screening scored and backing the assessment's grade, a
 * counselling session refused for letters in its minutes, and a sealed note opened with a reason.
 */
class PsychologyViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, LocalDate.of(2014, 5, 1), Role.PSYCHOLOGIST);

    final HeardNotices heard = home.heard;
    PsychologyViewModel vm;

    @BeforeEach
    void open() {
        vm = new PsychologyViewModel(
                home.ctx().psychology(), home.ctx().counselling(), home.tasks, heard, home.clock());
        vm.show(home.child().id());
    }

    @Test
    void aScreeningIsScoredSuggestsThePsychologicalSideAndBacksTheAssessment() {
        assertEquals("尚未进行双评估", vm.gradeProperty().get());
        Instrument ins = vm.instrument.get();
        assertEquals(vm.instruments().get(0), ins, "the first questionnaire is chosen");
        vm.screen(ins, Collections.nCopies(ins.items().size(), ins.maxAnswer()));
        assertEquals(List.of(), heard.errors);
        Screening s = vm.screenings().get(0);
        assertFalse(vm.describe(s).isEmpty(), "its result as scored");
        assertEquals(s.suggested(), vm.psychological.get(), "the psychological side starts from the screening");

        vm.guardianship.set(RiskGrade.LOW);
        vm.basis.set("量表得分高，需持续关注");
        vm.assess();
        assertEquals(List.of(), heard.errors);
        assertEquals("", vm.basis.get());
        assertEquals(1, vm.assessments().size());
        assertEquals(s.id(), vm.assessments().get(0).screeningId(), "backed by the screening");
        assertTrue(
                vm.gradeProperty().get().startsWith("当前等级："), vm.gradeProperty().get());
        assertEquals(1, vm.trend().size());
    }

    @Test
    void aSessionsNoteIsSealedUntilOpenedWithAReason() {
        vm.minutes.set("五十");
        vm.note.set("谈到对新学校的担心");
        vm.recordCounselling();
        assertEquals("时长（分钟）：“五十”不是整数，请只填写数字。", heard.last());
        assertTrue(vm.sessions().isEmpty());
        assertEquals("谈到对新学校的担心", vm.note.get(), "the note is kept");

        vm.minutes.set("50");
        vm.recordCounselling();
        assertEquals(List.of(), heard.errors.subList(1, heard.errors.size()));
        assertEquals(1, vm.sessions().size());
        assertEquals("", vm.note.get());

        List<String> shown = new ArrayList<>();
        vm.openNote(vm.sessions().get(0), "制定下次辅导计划需要回顾", shown::add);
        assertEquals(List.of("谈到对新学校的担心"), shown);
    }
}
