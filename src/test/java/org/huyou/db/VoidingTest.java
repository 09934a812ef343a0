package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.care.education.EducationService;
import org.huyou.care.plan.CarePlanService;
import org.huyou.care.rehab.RehabService;
import org.huyou.common.UserFacingException;
import org.huyou.db.generated.DefaultSchema;
import org.huyou.db.generated.Tables;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One void mechanism (issue 30): every table that voids can be voided by {@link Voiding}, and nothing else does it. */
class VoidingTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 11);

    /** A hand-written void: setting one of the void columns in an update. */
    static final Pattern HAND_VOID = Pattern.compile("\\.set\\(\\s*\\w+\\.VOIDED_(AT|BY|REASON)\\b");

    /**
     * A void that names its table in a string: audited by hand as a void of a literal, or handed to a void helper as
     * its first argument. Rows to void come from {@link Voiding#voidable} with the generated table instead.
     */
    static final Pattern STRING_NAMED_VOID = Pattern.compile("AuditLog\\.VOID,\\s*\"|\\bvoidEntry\\(\\s*\"");

    /**
     * Files that still audit a void under a literal name (issue 30, outside care, documents and allowance); the list
     * only shrinks: a file that no longer does it must leave it.
     */
    static final Set<String> NOT_YET_MOVED = Set.of();

    @TempDir
    Path dir;

    @Test
    void everyTableWithAVoidColumnHasWhatAVoidWrites() {
        List<String> voidable = new ArrayList<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (t.field("VOIDED_AT") != null) {
                assertTrue(Voiding.canVoid(t), t.getName());
                voidable.add(t.getName());
            }
        }
        assertTrue(voidable.size() > 20, voidable.toString());
    }

    @Test
    void theAuditNamesATableAsTheMigrationsSpellIt() {
        assertEquals("education_placement", Voiding.auditName(Tables.EDUCATION_PLACEMENT));
        assertEquals("rehab_score", Voiding.auditName(Tables.REHAB_SCORE));
        assertEquals("care_plan_goal", Voiding.auditName(Tables.CARE_PLAN_GOAL));
    }

    @Test
    void noRepositoryWritesTheVoidStatementByHand() throws IOException {
        Path voiding = Path.of("src/main/java/org/huyou/db/Voiding.java");
        List<String> byHand = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!f.equals(voiding)
                        && HAND_VOID
                                .matcher(Files.readString(f, StandardCharsets.UTF_8))
                                .find()) {
                    byHand.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), byHand, "void through org.huyou.db.Voiding");
    }

    @Test
    void noVoidNamesItsTableInAString() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (STRING_NAMED_VOID
                        .matcher(Files.readString(f, StandardCharsets.UTF_8))
                        .find()) {
                    named.add(f.toString().replace('\\', '/'));
                }
            }
        }
        assertEquals(
                new TreeSet<>(NOT_YET_MOVED),
                named,
                "void through a repository's Voiding.voidable(dsl, TABLE, ...): the audit name comes from the table");
    }

    @Test
    void theRuleSeesAStringNamedVoid() {
        assertTrue(STRING_NAMED_VOID
                .matcher("audit.record(\n        AuditLog.VOID, \"incident\", id, null, null)")
                .find());
        assertTrue(STRING_NAMED_VOID
                .matcher("voidEntry(\"allowance_standard\", id, reason, repo::voidStandard)")
                .find());
        assertFalse(STRING_NAMED_VOID
                .matcher("Corrections.voidEntry(tx, audit, repo.voidable(actor, now), id, reason)")
                .find());
        assertFalse(STRING_NAMED_VOID
                .matcher("audit.record(AuditLog.VOID, rows.auditName(), id, null, null)")
                .find());
    }

    @Test
    void voidableRowsAreNamedByTheirTable() {
        assertEquals(
                "tomorrow_plan_application",
                Voiding.voidable(null, Tables.TOMORROW_PLAN_APPLICATION, "x", null)
                        .auditName());
    }

    @Test
    void theRuleSeesAHandWrittenVoid() {
        assertTrue(HAND_VOID.matcher("dsl.update(t).set(t.VOIDED_AT, now)").find());
        assertFalse(HAND_VOID.matcher("dsl.select(t.VOIDED_AT).from(t)").find());
    }

    /** The parts that name their entry (not a table) void the table of that entry, once, audited. */
    @Test
    void anEntryVoidsItsOwnTableOnce() {
        try (CareStaff home = new CareStaff(dir, DAY, LocalDate.of(2019, 2, 14))) {
            long child = home.child.id();

            home.as(Role.REHABILITATION_THERAPIST);
            RehabService rehab = home.ctx.rehab();
            long rehabPlan =
                    rehab.createPlan(child, "粗大运动康复", DAY, DAY.plusDays(90)).id();
            rehab.voidEntry(RehabService.Entry.PLAN, rehabPlan, "录入错误");
            assertTrue(rehab.plans(child).get(0).voided());
            assertThrows(UserFacingException.class, () -> rehab.voidEntry(RehabService.Entry.PLAN, rehabPlan, "再次"));

            home.as(Role.TEACHER);
            EducationService education = home.ctx.education();
            long iep = education
                    .createPlan(child, "个别化教育计划", DAY, DAY.plusDays(90))
                    .id();
            education.voidEntry(EducationService.Entry.PLAN, iep, "录入错误");
            assertTrue(education.plans(child).get(0).voided());

            home.as(Role.SOCIAL_WORKER);
            CarePlanService plans = home.ctx.carePlans();
            long carePlan = plans.createPlan(child, DAY, "提升自理能力", 3).id();
            plans.voidEntry(CarePlanService.Entry.PLAN, carePlan, "录入错误");
            assertTrue(plans.plans(child).get(0).voided());
            assertEquals("录入错误", plans.plans(child).get(0).voidReason());
        }
    }
}
