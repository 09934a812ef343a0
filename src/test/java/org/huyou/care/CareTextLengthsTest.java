package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.DirectSql;
import org.huyou.care.education.Education;
import org.huyou.care.incident.Incident;
import org.huyou.care.incident.IncidentService;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.plan.CarePlan;
import org.huyou.care.rehab.Rehab;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.security.Role;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every free text of the care file's forms is refused, naming its field ("说明：…"), once it is longer than its column
 * in the real schema: a text the service let through to a shorter column failed in the database with a sentence
 * that named nothing (a medication order's dose of 101 characters). The lengths are read from the migrated H2 home,
 * so a column made shorter or a check made longer fails here.
 */
class CareTextLengthsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.MEDICAL_STAFF);

    interface Call {
        void with(String text) throws Exception;
    }

    private final List<String> problems = new ArrayList<>();

    /** The column's length, read from the home's own schema. */
    private int length(String table, String column) {
        try (Connection c = DirectSql.connect(home.ctx());
                PreparedStatement ps =
                        c.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                                + " WHERE LOWER(TABLE_NAME) = ? AND LOWER(COLUMN_NAME) = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), table + "." + column);
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text one longer than {@code table.column} is refused by the service, naming {@code field} by its label. */
    private void refused(String table, String column, String field, String labelKey, Call call) {
        String text = "字".repeat(length(table, column) + 1);
        try {
            call.with(text);
            problems.add(table + "." + column + ": accepted");
        } catch (ValidationException e) {
            boolean named = e.errors().stream().anyMatch(f -> f.field().equals(field));
            if (!named || !e.userMessage().contains(Messages.t(labelKey))) {
                problems.add(table + "." + column + ": " + e.userMessage());
            }
        } catch (Exception e) {
            problems.add(table + "." + column + ": " + e);
        }
    }

    @Test
    void everyFreeTextOfTheCareFormsIsRefusedNamingItsFieldOnceLongerThanItsColumn() throws Exception {
        long child = home.child().id();
        var ctx = home.ctx();
        refused(
                "allergy",
                "substance",
                "substance",
                "allergy.substance",
                t -> ctx.allergies().add(child, t, null, null, Allergy.Severity.MILD, null));
        refused(
                "allergy",
                "reaction",
                "reaction",
                "allergy.reaction",
                t -> ctx.allergies().add(child, "花生", null, t, Allergy.Severity.MILD, null));
        refused(
                "medical_record",
                "title",
                "title",
                "medical.title",
                t -> ctx.medicalRecords().add(child, MedicalRecord.Kind.CHECKUP, DAY, t, null, null, null));
        refused(
                "medical_record",
                "detail",
                "detail",
                "medical.detail",
                t -> ctx.medicalRecords().add(child, MedicalRecord.Kind.CHECKUP, DAY, "体检", t, null, null));
        refused(
                "medication_order",
                "dose",
                "dose",
                "medication.dose",
                t -> ctx.medication().prescribe(child, "维生素D滴剂", t, "09:30", DAY, null, null, null));
        refused(
                "tomorrow_plan_application",
                "condition_text",
                "condition",
                "tomorrowPlan.condition",
                t -> ctx.medicalRecords().applyToTomorrowPlan(child, t, DAY));

        home.as(Role.REHABILITATION_THERAPIST);
        refused(
                "rehab_plan",
                "title",
                "title",
                "rehab.planTitle",
                t -> ctx.rehab().createPlan(child, t, DAY, DAY.plusMonths(3)));
        Rehab.Plan rehabPlan = ctx.rehab().createPlan(child, "康复计划", DAY, DAY.plusMonths(3));
        refused(
                "rehab_goal",
                "description",
                "description",
                "rehab.goal",
                t -> ctx.rehab()
                        .addGoal(rehabPlan.id(), Rehab.Area.values()[0], t, "次数", BigDecimal.ONE, BigDecimal.TEN));
        refused(
                "rehab_goal",
                "measure",
                "measure",
                "rehab.measure",
                t -> ctx.rehab()
                        .addGoal(rehabPlan.id(), Rehab.Area.values()[0], "独立行走", t, BigDecimal.ONE, BigDecimal.TEN));
        refused(
                "rehab_session",
                "note",
                "note",
                "rehab.note",
                t -> ctx.rehab()
                        .recordSession(
                                rehabPlan.id(),
                                DAY,
                                Rehab.Area.values()[0],
                                Rehab.Attendance.values()[0],
                                45,
                                t,
                                null));
        refused(
                "plan_review",
                "summary",
                "summary",
                "plan.reviewSummary",
                t -> ctx.rehab().reviewPlan(rehabPlan.id(), DAY, t, DAY.plusMonths(3)));

        home.as(Role.TEACHER);
        refused(
                "education_placement",
                "school",
                "school",
                "education.school",
                t -> ctx.education().place(child, DAY, Education.PlacementKind.REGULAR_SCHOOL, t, null, null));
        refused(
                "education_placement",
                "class_name",
                "className",
                "education.className",
                t -> ctx.education().place(child, DAY, Education.PlacementKind.REGULAR_SCHOOL, "实验小学", t, null));
        refused(
                "education_plan",
                "title",
                "title",
                "education.planTitle",
                t -> ctx.education().createPlan(child, t, DAY, DAY.plusMonths(6)));
        Education.Plan eduPlan = ctx.education().createPlan(child, "个别化教育计划", DAY, DAY.plusMonths(6));
        refused(
                "education_goal",
                "description",
                "description",
                "education.goal",
                t -> ctx.education().addGoal(eduPlan.id(), Education.Area.values()[0], t));

        home.as(Role.SOCIAL_WORKER);
        refused(
                "care_plan",
                "summary",
                "summary",
                "carePlan.summary",
                t -> ctx.carePlans().createPlan(child, DAY, t, 6));
        CarePlan carePlan = ctx.carePlans().createPlan(child, DAY, "年度照护计划", 6);
        refused(
                "care_plan_goal",
                "goal",
                "goal",
                "carePlan.goal",
                t -> ctx.carePlans()
                        .addGoal(
                                carePlan.id(),
                                CarePlan.Domain.values()[0],
                                t,
                                CareStaffName.SOCIAL_WORKER,
                                DAY.plusMonths(3)));

        home.as(Role.CAREGIVER);
        refused(
                "caregiver_assignment",
                "caregiver_name",
                "caregiver",
                "caregiver.name",
                t -> ctx.caregivers().assign(child, t, DAY, null));
        refused(
                "incident",
                "place",
                "place",
                "incident.place",
                t -> ctx.incidents().report(child, report(t)));

        assertEquals(List.of(), problems);
    }

    private static IncidentService.Report report(String place) {
        return new IncidentService.Report(
                DAY,
                null,
                Incident.Kind.INJURY,
                Incident.Severity.values()[0],
                place,
                "摔倒",
                null,
                false,
                null,
                null,
                null);
    }

    /** The social worker's account, as CareStaff names it. */
    private static final class CareStaffName {
        static final String SOCIAL_WORKER = org.huyou.testing.CareStaff.name(Role.SOCIAL_WORKER);
    }
}
