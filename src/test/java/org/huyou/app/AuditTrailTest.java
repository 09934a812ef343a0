package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLabels;
import org.huyou.security.Role;
import org.huyou.security.Session;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write path leaves its audit row, with before/after for edits; no service can change the log. */
class AuditTrailTest {

    @TempDir
    Path dir;

    static Resident draft(String name) {
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                Gender.FEMALE,
                LocalDate.of(2015, 3, 7),
                false,
                "01",
                "110105201503070021",
                null,
                Category.ORPHAN,
                LocalDate.of(2020, 1, 10),
                AdmissionSource.CIVIL_AFFAIRS,
                null,
                DisabilityType.NONE,
                null,
                Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                null,
                null,
                null);
    }

    private static AuditEntry latest(AppContext ctx, String action) {
        return ctx.audit()
                .browse(new AuditFilter(null, action, null, null, null, null), 1)
                .get(0);
    }

    @Test
    void writesReadsExportsAndLoginsAreLoggedWithWhoAndWhat() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            assertEquals(TestHome.ADMIN, latest(ctx, "LOGIN").username());

            Resident r = ctx.residents().create(draft("张小红"));
            AuditEntry created = latest(ctx, "CREATE");
            assertEquals("resident", created.entity());
            assertEquals(String.valueOf(r.id()), created.entityId());
            assertTrue(
                    created.changes().contains("\"field\":\"name\",\"before\":null,\"after\":\"张小红\""),
                    created.changes());

            Resident loaded = ctx.residents().get(r.id());
            assertEquals(String.valueOf(r.id()), latest(ctx, "READ").entityId(), "opening a file is logged");

            Resident renamed = new Resident(
                    loaded.id(),
                    loaded.version(),
                    loaded.recordNo(),
                    "张晓红",
                    null,
                    loaded.gender(),
                    loaded.birthDate(),
                    false,
                    loaded.ethnicity(),
                    loaded.idNumber(),
                    null,
                    loaded.category(),
                    loaded.admissionDate(),
                    loaded.admissionSource(),
                    null,
                    loaded.disabilityType(),
                    null,
                    loaded.guardianship(),
                    null,
                    null,
                    "改名");
            ctx.residents().update(renamed);
            AuditEntry edit = latest(ctx, "EDIT");
            assertEquals(
                    "[{\"field\":\"name\",\"before\":\"张小红\",\"after\":\"张晓红\"},"
                            + "{\"field\":\"note\",\"before\":null,\"after\":\"改名\"}]",
                    edit.changes());

            var event = ctx.residents()
                    .recordStatus(r.id(), ResidentStatus.FAMILY_FOSTER_CARE, LocalDate.of(2024, 1, 1), null);
            ctx.residents().voidStatus(r.id(), event.id(), "录错了");
            AuditEntry voided = latest(ctx, "VOID");
            assertEquals(String.valueOf(event.id()), voided.entityId());
            assertEquals(Messages.t("auditSummary.voided", "录错了"), AuditLabels.summary(voided));

            Path out = dir.resolve("export.csv");
            ctx.residentExporter().export(out, false);
            AuditEntry export = latest(ctx, "EXPORT");
            assertEquals(Messages.t("auditSummary.residentsExported", "export.csv", "1"), AuditLabels.summary(export));

            ctx.accounts().create("li", "李社工", TestHome.PASSWORD, java.util.EnumSet.of(Role.SOCIAL_WORKER));
            assertEquals("li", AuditLabels.summary(latest(ctx, "CREATE")));
        }
    }

    @Test
    void noServiceCallChangesOrDeletesAnExistingAuditRow() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.residents().create(draft("张小红"));
            ctx.login().logout();
            ctx.login().login(TestHome.ADMIN, TestHome.PASSWORD.toCharArray());
            List<AuditEntry> before = ctx.audit().browse(AuditFilter.all(), 10_000);
            Session admin = ctx.currentUser().session().orElseThrow();
            // Every service method, as every role (what the role-matrix test does), then compare the old rows.
            for (Object service : RoleMatrixTest.services(ctx).values()) {
                for (var m : service.getClass().getDeclaredMethods()) {
                    if (java.lang.reflect.Modifier.isPublic(m.getModifiers())
                            && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                        for (Role role : Role.values()) {
                            ctx.currentUser().set(admin);
                            ctx.currentUser().set(TestHome.sessionOf(ctx, role));
                            RoleMatrixTest.invokeIsDenied(service, m);
                        }
                    }
                }
            }
            ctx.currentUser().set(admin);
            List<AuditEntry> after = ctx.audit().browse(AuditFilter.all(), 100_000);
            assertTrue(after.size() > before.size());
            List<AuditEntry> oldRowsNow = after.subList(after.size() - before.size(), after.size());
            assertEquals(before, oldRowsNow, "existing audit rows are unchanged");
        }
    }

    @Test
    void auditExportNeutralizesFormulas() throws Exception {
        try (AppContext ctx = TestHome.open(dir)) {
            ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "=HYPERLINK(\"x\")",
                            null,
                            Gender.FEMALE,
                            LocalDate.of(2015, 3, 7),
                            false,
                            null,
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2020, 1, 10),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            "@SUM(1)"));
            Path out = dir.resolve("register.csv");
            ctx.residentExporter().export(out, false);
            String text = Files.readString(out);
            assertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), text);
            assertTrue(text.contains(",'@SUM(1)"), text);
        }
    }
}
