package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.app.ServerConnection;
import org.huyou.common.Gender;
import org.huyou.donations.Donor;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.AuditFilter;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.huyou.volunteers.Volunteer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker or a clumsy user types into the search boxes and filters (issue 26): quotes, backslashes, comments,
 * statement separators and LIKE's wildcards find nothing they do not literally contain and change nothing. On
 * PostgreSQL the server runs with {@code standard_conforming_strings=off}, where a backslash escapes a quote inside a
 * literal: text written into the SQL as a literal was open there, a bound value is not.
 */
class HostileSearchTextTest {

    static final List<String> PAYLOADS = List.of(
            "\\' OR 1=1 --",
            "'; DELETE FROM audit_log; --",
            "'); UPDATE resident SET name = 'x'; --",
            "%",
            "_",
            "\\\\",
            "\\",
            "'",
            "''",
            "\" OR \"\"=\"",
            "*/ OR 1=1 /*",
            "!",
            "!%",
            "%' OR '1'='1",
            "z%",
            "2020_",
            "2020%",
            "1 OR 1=1");

    @TempDir
    Path dir;

    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
        if (TestPostgres.selected()) {
            ctx.close();
            String database = ServerConnection.load(dir).address().database();
            assertEquals("off", TestPostgres.server().setForDatabase(database, "standard_conforming_strings", "off"));
            ctx = TestHome.open(dir); // new sessions: the setting holds for the app's connections
        }
        TestHome.loginAs(ctx, "everyone", Role.values()); // every search box of every module
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    static Resident draft(String name, Gender gender, String idNumber) {
        return new Resident(
                null,
                null,
                null,
                name,
                null,
                gender,
                LocalDate.of(2015, 3, 7),
                false,
                "01",
                idNumber,
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

    @Test
    void everySearchBoxAndFilterTakesTheTextAsText() {
        ctx.residents().create(draft("张小红", Gender.FEMALE, "110105201503070021"));
        ctx.residents().create(draft("李明", Gender.MALE, null));
        ctx.residents().create(draft("赵子轩", Gender.MALE, null));
        ctx.volunteers()
                .register(new Volunteer(
                        0, "王芳", null, "13900000001", "100%志愿队", Set.of(Volunteer.Specialty.OTHER), null, null, 0));
        ctx.volunteers()
                .register(new Volunteer(
                        0, "刘洋", null, "13900000002", "A_B学院", Set.of(Volunteer.Specialty.OTHER), null, null, 0));
        ctx.volunteers()
                .register(new Volunteer(
                        0, "陈静", null, "13900000003", "AxB学院", Set.of(Volunteer.Specialty.OTHER), null, null, 0));
        ctx.ledger()
                .createDonor(
                        new NewDonor(Donor.Kind.ORGANISATION, "100%爱心公司", Donor.Naming.FULL, null, null, null, null));
        ctx.ledger()
                .createDonor(new NewDonor(Donor.Kind.ORGANISATION, "A_B商贸", Donor.Naming.FULL, null, null, null, null));
        ctx.ledger()
                .createDonor(new NewDonor(Donor.Kind.ORGANISATION, "AxB商贸", Donor.Naming.FULL, null, null, null, null));
        ctx.ledger()
                .createDonor(
                        new NewDonor(Donor.Kind.INDIVIDUAL, "O'Brien\\Lee", Donor.Naming.FULL, null, null, null, null));

        int residents = ctx.residents().count(ResidentFilter.all());
        int audit = ctx.audit().count(AuditFilter.all());
        assertEquals(3, residents);

        for (String p : PAYLOADS) {
            ResidentFilter f = ResidentFilter.query(p);
            assertEquals(List.of(), ctx.residents().find(f, 50).rows(), p);
            assertEquals(List.of(), ctx.residents().search(f, 50), p);
            assertEquals(List.of(), ctx.residents().findAfter(f, p, 50), p);
            assertEquals(0, ctx.residents().count(f), p);
            // with another filter too: the query then goes through the jOOQ path
            ResidentFilter narrowed = new ResidentFilter(p, null, Category.ORPHAN, null, null, null);
            assertEquals(List.of(), ctx.residents().find(narrowed, 50).rows(), p);
            // the audit browser's text filters
            assertEquals(0, ctx.audit().count(new AuditFilter(p, null, null, null, null, null)), p);
            assertEquals(0, ctx.audit().count(new AuditFilter(null, p, null, null, null, null)), p);
            assertEquals(0, ctx.audit().count(new AuditFilter(null, null, p, null, null, null)), p);
            assertEquals(0, ctx.audit().count(new AuditFilter(null, null, null, p, null, null)), p);
            assertEquals(List.of(), ctx.audit().browse(new AuditFilter(p, p, p, p, null, null), 10), p);
        }
        for (String p : List.of(
                "\\' OR 1=1 --", "'; DELETE FROM audit_log; --", "\\\\", "'", "1 OR 1=1", "*/ OR 1=1 /*", "!")) {
            assertEquals(List.of(), ctx.volunteers().search(p, 50), p);
            assertEquals(List.of(), ctx.volunteers().list(p, 50), p);
            assertEquals(
                    List.of(),
                    ctx.ledger().donors(p, 50).stream()
                            .filter(d -> !d.name().contains(p))
                            .toList(),
                    p);
        }

        // LIKE's wildcards and the escape character are characters
        assertEquals(List.of("王芳"), volunteerNames("%"));
        assertEquals(List.of("刘洋"), volunteerNames("_"));
        assertEquals(List.of("刘洋"), volunteerNames("a_b"));
        assertEquals(List.of("100%爱心公司"), donorNames("%"));
        assertEquals(List.of("A_B商贸"), donorNames("_"));
        assertEquals(List.of("A_B商贸"), donorNames("a_b"));
        assertEquals(List.of("O'Brien\\Lee"), donorNames("'"));
        assertEquals(List.of("O'Brien\\Lee"), donorNames("\\"));
        assertEquals(List.of("O'Brien\\Lee"), donorNames("n\\l"));
        assertEquals(List.of(), donorNames("!"));
        // the register's own searches still find what they should
        assertEquals(List.of("2020-0001", "2020-0002", "2020-0003"), recordNos("2020-000"));
        assertEquals(List.of("2020-0002"), recordNos("2020-0002"));
        assertEquals(List.of(), recordNos("2020_000"));
        assertEquals(List.of("张小红"), names("zxh"));
        assertEquals(List.of("张小红"), names("1101052015"));
        assertEquals(List.of("赵子轩"), names("子轩"));

        // nothing changed
        assertEquals(residents, ctx.residents().count(ResidentFilter.all()));
        assertEquals(audit, ctx.audit().count(AuditFilter.all()));
        assertEquals(
                List.of("张小红", "李明", "赵子轩"),
                ctx.residents().search(ResidentFilter.all(), 50).stream()
                        .map(ResidentSummary::name)
                        .toList());
    }

    /** The bound prefix is still a range of the key index (migration 13's on PostgreSQL, the primary key on H2). */
    @Test
    void theBoundPrefixIsAnIndexRange() throws Exception {
        boolean pg = TestPostgres.selected();
        String sql = pg
                ? "EXPLAIN SELECT resident_id FROM resident_search_key WHERE search_key ~>=~ ? "
                        + "AND search_key ~<~ ? LIMIT 10"
                : "EXPLAIN SELECT resident_id FROM resident_search_key WHERE search_key >= ? AND search_key < ? LIMIT 10";
        try (var c = org.huyou.app.DirectSql.connect(ctx)) {
            if (pg) {
                c.createStatement().execute("SET enable_seqscan = off"); // a tiny table would be read whole anyway
            }
            StringBuilder plan = new StringBuilder();
            try (var ps = c.prepareStatement(sql)) {
                ps.setString(1, "P:zxh");
                ps.setString(2, "P:zxi");
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            if (pg) {
                c.createStatement().execute("RESET enable_seqscan");
            }
            String p = plan.toString();
            // on PostgreSQL any of the key indexes may serve the range (the planner picks the lookup index since
            // migration 44); what matters is that the bound prefix is the index's range, not a filter after a scan
            org.junit.jupiter.api.Assertions.assertTrue(
                    pg
                            ? p.contains("Index Cond: ((search_key ~>=~ 'P:zxh'")
                                    && p.contains("search_key ~<~ 'P:zxi'")
                            : p.contains(": SEARCH_KEY >= ?1") && !p.contains("tableScan"),
                    p);
        }
    }

    private List<String> volunteerNames(String text) {
        return ctx.volunteers().search(text, 50).stream()
                .map(Volunteer::name)
                .sorted()
                .toList();
    }

    private List<String> donorNames(String text) {
        return ctx.ledger().donors(text, 50).stream().map(Donor::name).sorted().toList();
    }

    private List<String> recordNos(String query) {
        return ctx.residents().find(ResidentFilter.query(query), 50).rows().stream()
                .map(ResidentSummary::recordNo)
                .toList();
    }

    private List<String> names(String query) {
        return ctx.residents().find(ResidentFilter.query(query), 50).rows().stream()
                .map(ResidentSummary::name)
                .toList();
    }
}
