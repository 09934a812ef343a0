package org.huyou.residents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.common.Gender;
import org.huyou.generate.StressProfile;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The register's search keys (one indexed prefix lookup per keystroke): kept in step with every save, written the
 * same by migration V11 for residents registered before it, and a broad query answered with one page and a capped
 * count, the rest fetched page by page.
 */
class SearchKeysTest {

    @TempDir
    Path dir;

    AppContext ctx;
    ResidentService service;

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
        service = ctx.residents();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    /**
     * A keystroke's lookup reads a range of an index, not the table: on PostgreSQL that takes the prefix index of
     * migration 13 (its collation keeps LIKE from the primary key); scans are switched off so that the plan shows
     * whether an index range can serve at all, whatever the table's size.
     */
    @Test
    void aKeystrokeIsAnIndexRangeOnEitherDatabase() throws Exception {
        String lookup = "SELECT resident_id FROM resident_search_key WHERE search_key LIKE 'P:lzq%' ESCAPE '!'";
        StringBuilder plan = new StringBuilder();
        try (Connection c = DirectSql.connect(ctx);
                Statement st = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            if (postgres) {
                st.execute("SET enable_seqscan = off");
            }
            try (ResultSet rs = st.executeQuery("EXPLAIN " + lookup)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            if (postgres) {
                st.execute("RESET enable_seqscan");
            }
            String expected = postgres ? "search_key ~>=~ 'P:lzq'" : "SEARCH_KEY >= 'P:lzq'";
            assertTrue(plan.toString().contains(expected), plan.toString());
        }
    }

    @Test
    void anEditedNameIsFoundByItsNewKeysOnlyAndTheFormerNameAndAnyPartOfTheRecordNumberFindToo() {
        Resident r = service.create(
                ResidentServiceTest.draft("张小明", Gender.MALE, LocalDate.of(2015, 3, 7), "11010520150307003X"));
        assertEquals(List.of("张小明"), names("小明"));
        Resident renamed = service.update(new Resident(
                r.id(),
                r.version(),
                r.recordNo(),
                "王晓明",
                "张小明",
                r.gender(),
                r.birthDate(),
                false,
                r.ethnicity(),
                r.idNumber(),
                null,
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                null,
                r.disabilityType(),
                null,
                r.guardianship(),
                null,
                null,
                null));
        assertEquals(List.of("王晓明"), names("wxm"), "the new initials");
        assertEquals(List.of(), names("zxm"), "the old initials are gone");
        assertEquals(List.of("王晓明"), names("小明"), "the former name still finds the resident");
        assertEquals(List.of("王晓明"), names("晓明"));
        assertEquals(List.of("王晓明"), names("11010520150307003x"), "an ID number in lower case");
        String middle = renamed.recordNo().substring(2, renamed.recordNo().length() - 1);
        assertEquals(List.of("王晓明"), names(middle), "part of the record number " + renamed.recordNo());
    }

    @Test
    void theMigrationWritesTheSameKeysAsTheRegisterForResidentsSavedBeforeIt() throws Exception {
        service.create(ResidentServiceTest.draft("张小明", Gender.MALE, LocalDate.of(2015, 3, 7), "110105201503070013"));
        Resident latin = ResidentServiceTest.draft("Anna Müller", Gender.FEMALE, LocalDate.of(2016, 4, 8), null);
        service.create(new Resident(
                null,
                null,
                null,
                latin.name(),
                "安娜",
                latin.gender(),
                latin.birthDate(),
                false,
                null,
                null,
                null,
                latin.category(),
                latin.admissionDate(),
                latin.admissionSource(),
                null,
                latin.disabilityType(),
                null,
                latin.guardianship(),
                null,
                null,
                null));
        service.create(ResidentServiceTest.draft("欧阳娜娜", Gender.FEMALE, LocalDate.of(2014, 1, 2), null));
        String backfill = Files.readString(
                Path.of("src/main/resources/db/migration/V11__resident_search_keys.sql"), StandardCharsets.UTF_8);
        backfill = backfill.substring(backfill.indexOf("INSERT INTO resident_search_key"))
                .strip();
        backfill = backfill.substring(0, backfill.length() - 1); // the statement's semicolon
        try (Connection c = DirectSql.connect(ctx);
                Statement s = c.createStatement()) {
            Set<String> bySave = keys(s, "resident_search_key");
            assertTrue(
                    bySave.stream().anyMatch(k -> k.startsWith("N:小明#"))
                            && bySave.stream().anyMatch(k -> k.startsWith("P:zxm#")),
                    "keys written on save: " + bySave);
            // Into a table of V11's shape: migration 43 numbered the keys it wrote (and copies them as they are).
            s.execute("CREATE TABLE v11_keys (search_key VARCHAR(310), resident_id BIGINT)");
            s.execute(backfill.replace("INSERT INTO resident_search_key", "INSERT INTO v11_keys"));
            assertEquals(bySave, keys(s, "v11_keys"), "the migration's SQL and the register's Java agree, key for key");
        }
    }

    @Test
    void aBroadQueryGetsOnePageAndACappedCountAndTheRestPageByPage() {
        int n = ResidentService.COUNT_CAP + 150;
        ctx.stressGenerator().generate(new StressProfile(n, 1, 0, 0, 0, 7), step -> {});
        ResidentService.Matches first = service.find(ResidentFilter.all(), 100);
        assertEquals(100, first.rows().size());
        assertTrue(first.totalCapped(), "more than the cap: not counted to the end");
        assertEquals(ResidentService.COUNT_CAP, first.total());

        Set<Long> seen = new HashSet<>();
        first.rows().forEach(r -> seen.add(r.id()));
        List<ResidentSummary> page = first.rows();
        while (page.size() == 100) {
            page = service.findAfter(
                    ResidentFilter.all(), page.get(page.size() - 1).recordNo(), 100);
            page.forEach(r -> assertTrue(seen.add(r.id()), "no row twice"));
        }
        assertEquals(service.count(ResidentFilter.all()), seen.size(), "paging reaches every resident");
        ResidentService.Matches few =
                service.find(ResidentFilter.query(first.rows().get(0).name()), 100);
        assertFalse(few.totalCapped());
    }

    private List<String> names(String q) {
        return service.search(ResidentFilter.query(q), 50).stream()
                .map(ResidentSummary::name)
                .toList();
    }

    private static Set<String> keys(Statement s, String table) throws Exception {
        Set<String> keys = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT search_key, resident_id FROM " + table)) {
            while (rs.next()) {
                keys.add(rs.getString(1) + "#" + rs.getLong(2));
            }
        }
        return keys;
    }
}
