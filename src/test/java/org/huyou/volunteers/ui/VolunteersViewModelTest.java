package org.huyou.volunteers.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.RosterLine;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Volunteer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The volunteers tab's rules without controls: the synchronous task runner and the real services of a real home. */
class VolunteersViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.SOCIAL_WORKER);

    final HeardNotices heard = home.heard;
    VolunteersViewModel vm;

    @BeforeEach
    void open() {
        vm = new VolunteersViewModel(home.ctx().volunteers(), home.ctx().shifts(), parts());
    }

    ScreenParts parts() {
        return new ScreenParts(home.tasks, heard, home.clock(), home.dir().resolve("printed"), () -> "测试福利院");
    }

    void register(String name, String phone) {
        vm.name.set(name);
        vm.phone.set(phone);
        vm.organisation.set("滨州学院青年志愿者协会");
        vm.specialties.get(Volunteer.Specialty.PRESCHOOL).set(true);
        vm.register();
    }

    @Test
    void registeringClearsTheFormAndSelectsTheOneRegistered() {
        register("钱同学", "13900000009");
        assertEquals(List.of("已登记志愿者 钱同学。"), heard.said, heard.errors.toString());
        assertEquals("", vm.name.get());
        assertEquals("", vm.phone.get());
        assertTrue(vm.specialties.values().stream().noneMatch(p -> p.get()), "the specialties are cleared too");
        assertEquals("钱同学", vm.searchProperty().get(), "the list is searched for whom was registered");
        assertEquals(1, vm.rows().size());
        Volunteer v = vm.selectedProperty().get().volunteer();
        assertEquals("钱同学", v.name());
        assertEquals(java.util.Set.of(Volunteer.Specialty.PRESCHOOL), v.specialties());
        assertEquals("未查询，不能接触儿童", vm.checkStatus(vm.selectedProperty().get()));
    }

    /** The count line says how many are registered in all, also when a search finds nobody. */
    @Test
    void theListsCountLineSaysHowManyAreRegisteredWhateverTheSearchShows() {
        register("钱同学", "13900000009");
        register("孙同学", "13900000008");
        register("李同学", "13900000007");
        vm.searchProperty().set("");
        assertEquals("显示 3 人，共 3 人", vm.countTextProperty().get());
        vm.searchProperty().set("无此人");
        assertEquals(0, vm.rows().size());
        assertEquals("显示 0 人，共 3 人", vm.countTextProperty().get());
        vm.searchProperty().set("qtx"); // 钱同学 by its initials
        assertEquals("显示 1 人，共 3 人", vm.countTextProperty().get());
    }

    /**
     * A volunteer who is not ready is offered for sign-up only to a user who may set their background check aside
     * (the coordinator here), and only over a check; attendance waits for the day, a withdrawal for no attendance.
     */
    @Test
    void theShiftButtonsSayWhyTheRowForbidsThem() {
        register("钱同学", "13900000009");
        ShiftsViewModel shifts = new ShiftsViewModel(home.ctx().shifts(), parts());
        shifts.title.set("周末绘本共读");
        shifts.type.set(Activity.Type.EVENT);
        shifts.start.set("9:00");
        shifts.end.set("11:00");
        shifts.capacity.set("4");
        shifts.plan();
        shifts.activityProperty().set(shifts.activities().get(0));
        ShiftService.Candidate c = shifts.candidates().get(0);
        assertTrue(!c.ready() && c.overridable(), c.toString());
        assertNull(shifts.whyNoSignUp(c), "the coordinator may set the check aside, with a reason");
        ShiftService.Candidate notOverridable = new ShiftService.Candidate(c.volunteer(), false, c.problem(), false);
        assertEquals(c.problem(), shifts.whyNoSignUp(notOverridable));
        shifts.candidateProperty().set(c);
        shifts.signUp("查询已于上周提交，本次由社工全程陪同");
        RosterLine line = shifts.roster().get(0);
        assertEquals("活动日期 " + DAY.plusDays(7) + " 还未到，不能记录出勤。", shifts.whyNoAttendance(line), heard.errors.toString());
        assertNull(shifts.whyNoWithdraw(line));
        home.clock().advance(java.time.Duration.ofDays(7));
        assertNull(shifts.whyNoAttendance(line), "the activity's day: attendance may be recorded");
        shifts.rosterLineProperty().set(line);
        shifts.markAbsent();
        assertEquals("已记录出勤的报名不能取消。", shifts.whyNoWithdraw(shifts.roster().get(0)));
    }

    @Test
    void aCheckAndATrainingAreRecordedForTheSelectedVolunteerAndLettersInHoursAreRefusedByName() {
        register("钱同学", "13900000009");
        vm.checkResult.set(BackgroundCheck.Result.CLEAR);
        vm.checkValidUntil.set(DAY.plusYears(1));
        vm.checkReference.set("滨公查 2026-118");
        vm.recordCheck();
        assertEquals(1, vm.checks().size(), heard.errors.toString());
        assertEquals("", vm.checkReference.get());
        assertNull(vm.checkValidUntil.get());
        assertEquals(
                "无犯罪记录，有效至 2027-05-04",
                vm.checkStatus(vm.selectedProperty().get()),
                "the list was reloaded with the selection kept");

        vm.course.set("儿童保护与安全");
        vm.trainingHours.set("两小时");
        vm.recordTraining();
        assertEquals("学时：“两小时”不是有效的数字，请写成 12 或 12.5 这样的数字。", heard.last());
        assertEquals(0, vm.trainings().size());
        assertEquals("儿童保护与安全", vm.course.get(), "what was typed stays to be corrected");
        vm.trainingHours.set("2");
        vm.recordTraining();
        assertEquals(1, vm.trainings().size());
        assertEquals("", vm.course.get());
        assertEquals(1, heard.errors.size());
    }

    @Test
    void theFormsNameTheChosenVolunteerWithThePhoneTailSoNamesakesAreToldApart() {
        assertEquals("请先在上方名册中选择一位志愿者", vm.selectedWhoProperty().get());
        register("钱同学", "139-0000-0009");
        assertEquals("钱同学（电话尾号 0009）", vm.selectedWhoProperty().get());
        vm.selectedProperty().set(null);
        assertEquals("请先在上方名册中选择一位志愿者", vm.selectedWhoProperty().get());
        Messages.use(Messages.ENGLISH);
        try {
            register("孙同学", "13900000017");
            assertEquals("孙同学 (phone ending 0017)", vm.selectedWhoProperty().get(), "the name as written");
        } finally {
            Messages.use(Messages.CHINESE);
        }
    }

    @Test
    void aCourseThatIsNoRequiredOneIsSaidBeforeSavingAndStillRecordedTheRequiredOnesOffered() {
        vm.refresh();
        assertEquals(List.of("儿童保护与安全", "康复辅助基础"), vm.requiredCourses(), "the home's default requirements");
        register("钱同学", "13900000009");
        vm.course.set("儿童保护与安全");
        assertEquals("", vm.courseWarningProperty().get(), "the required course as written");
        vm.course.set("儿童保护");
        assertEquals(
                "“儿童保护”不是活动要求的培训课程（要求的是：儿童保护与安全、康复辅助基础），按此记录将不计入培训要求。" + "如果是同一门课程，请从下拉列表中选择。",
                vm.courseWarningProperty().get());
        vm.trainingHours.set("2");
        vm.recordTraining();
        assertEquals(1, vm.trainings().size(), "a warning, not a refusal: " + heard.errors);
        assertEquals("", vm.courseWarningProperty().get(), "the form is cleared, the warning with it");
    }

    @Test
    void aRefusedFieldIsNamedForTheFormToMark() {
        register("钱同学", "电话");
        assertEquals("volunteerPhone", vm.refused.fieldProperty().get(), heard.last());
        vm.phone.set("13900000009");
        vm.register();
        assertEquals("", vm.refused.fieldProperty().get());
        vm.checkResult.set(BackgroundCheck.Result.CLEAR);
        vm.recordCheck();
        assertEquals("checkValidUntil", vm.refused.fieldProperty().get(), heard.last());
        vm.trainingHours.set("两小时");
        vm.recordTraining();
        assertEquals(
                VolunteersViewModel.TRAINING_HOURS, vm.refused.fieldProperty().get());
    }

    /**
     * The shifts tab and the hours tab over one volunteer's month: an activity planned with letters for its
     * capacity is refused by name, planned again it shows in its month, the volunteer signs up, attends on the day
     * and the hours count it.
     */
    @Test
    void anActivityIsPlannedStaffedAttendedAndCounted() throws Exception {
        register("钱同学", "13900000009");
        vm.checkResult.set(BackgroundCheck.Result.CLEAR);
        vm.checkValidUntil.set(DAY.plusYears(1));
        vm.recordCheck();
        TrainingRulesViewModel rules = new TrainingRulesViewModel(home.ctx().volunteers(), home.tasks, heard);
        rules.coursesProperty(Activity.Type.COMPANIONSHIP).set("");
        rules.save(Activity.Type.COMPANIONSHIP);

        ShiftsViewModel shifts = new ShiftsViewModel(home.ctx().shifts(), parts());
        shifts.title.set("周末绘本共读");
        shifts.type.set(Activity.Type.COMPANIONSHIP);
        shifts.start.set("9:00");
        shifts.end.set("11:00");
        shifts.capacity.set("四");
        shifts.plan();
        assertEquals("人数上限：“四”不是整数，请只填写数字。", heard.last());
        assertEquals("周末绘本共读", shifts.title.get());
        shifts.capacity.set("4");
        LocalDate later = DAY.plusMonths(5);
        shifts.date.set(later);
        shifts.plan();
        assertEquals("已安排活动“周末绘本共读”。", heard.last());
        assertEquals("", shifts.title.get());
        assertEquals(
                java.time.YearMonth.from(later),
                shifts.monthProperty().get(),
                "a month beyond the list is added and shown");
        assertTrue(shifts.months().contains(java.time.YearMonth.from(later)));
        assertEquals(1, shifts.activities().size());

        shifts.activityProperty().set(shifts.activities().get(0));
        assertEquals(1, shifts.candidates().size());
        assertEquals("不限专长", shifts.match(shifts.candidates().get(0)), "no specialty wanted: said, not left empty");
        assertTrue(
                shifts.candidates().get(0).ready(), shifts.candidates().get(0).problem());
        shifts.candidateProperty().set(shifts.candidates().get(0));
        shifts.signUp();
        assertEquals("已为 钱同学 报名。", heard.last());
        assertEquals(1, shifts.activities().get(0).signedUp());
        assertEquals(shifts.activities().get(0), shifts.activityProperty().get(), "the activity stays selected");
        assertEquals(1, shifts.roster().size(), "and its roster is loaded again");

        home.clock().advance(java.time.Duration.between(DAY.atStartOfDay(), later.atStartOfDay()));
        shifts.rosterLineProperty().set(shifts.roster().get(0));
        shifts.hours.set("2.5");
        shifts.markAttended();
        assertEquals(Boolean.TRUE, shifts.roster().get(0).attended(), heard.errors.toString());

        HoursViewModel hours = new HoursViewModel(home.ctx().shifts(), home.tasks, heard, later);
        hours.refresh();
        assertEquals(1, hours.rows().size());
        assertEquals("共 1 名志愿者，服务 2.5 小时", hours.totalProperty().get());
        assertEquals(List.of("人数上限：“四”不是整数，请只填写数字。"), heard.errors);

        vm.certificateTo.set(later);
        Path written = vm.certificate().call(); // run by the View's printer, which then offers to print it
        assertTrue(Files.size(written) > 0 && written.startsWith(home.dir().resolve("printed")), written.toString());
    }

    @Test
    void theCandidatesSayWhetherTheyHoldTheSpecialtyWanted() {
        register("钱同学", "13900000009");
        ShiftsViewModel shifts = new ShiftsViewModel(home.ctx().shifts(), parts());
        shifts.title.set("学前游戏");
        shifts.start.set("9:00");
        shifts.end.set("11:00");
        shifts.capacity.set("4");
        shifts.specialty.set(Volunteer.Specialty.PSYCHOLOGY);
        shifts.plan();
        shifts.activityProperty().set(shifts.activities().get(0));
        assertEquals(1, shifts.candidates().size(), heard.errors.toString());
        String wanted = Volunteer.Specialty.PSYCHOLOGY.label();
        assertEquals("无" + wanted + "专长", shifts.match(shifts.candidates().get(0)));
    }

    @Test
    void requiredTrainingsAreSavedOneKindAtATimeWhateverCommaSeparatesThem() {
        TrainingRulesViewModel rules = new TrainingRulesViewModel(home.ctx().volunteers(), home.tasks, heard);
        rules.coursesProperty(Activity.Type.EVENT).set("活动安全，急救; 活动安全");
        rules.save(Activity.Type.EVENT);
        List<String> saved = home.ctx().volunteers().requiredTrainings().get(Activity.Type.EVENT);
        assertEquals(java.util.Set.of("活动安全", "急救"), java.util.Set.copyOf(saved));
        assertEquals(2, saved.size(), "once each");
        assertTrue(heard.last().startsWith("已保存“"), heard.last());
        TrainingRulesViewModel again = new TrainingRulesViewModel(home.ctx().volunteers(), home.tasks, heard);
        again.load();
        assertEquals(
                String.join("，", saved),
                again.coursesProperty(Activity.Type.EVENT).get());
    }
}
