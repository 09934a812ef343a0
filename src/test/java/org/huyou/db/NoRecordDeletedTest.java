package org.huyou.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing a user would expect kept is deleted: a record no longer in force is voided (who, when, why) through
 * {@link Voiding}. The few deletes left remove what is not a record of its own; each is named here with why, and a new
 * delete anywhere else fails this test until it is a void or is added with its reason.
 */
class NoRecordDeletedTest {

    /** A jOOQ delete or a DELETE statement written as text. */
    static final Pattern DELETE = Pattern.compile(
            "\\bdeleteFrom\\(\\s*(\\w+)|\\b(?:dsl|DSL)\\.delete\\(\\s*(\\w+)|\"\\s*DELETE\\s+FROM\\s+(\\w+)");

    /** Why an unfinished import's rows may go (and only through ImportBatches, when a batch did not finish). */
    private static final String UNFINISHED_IMPORT =
            "an import cut off before its end: its chunks were committed while it"
                    + " held the database exclusively, nobody saw them, and the import never happened (ImportBatchRepository)";

    /** File and table deleted from, with the reason it is not a record anyone expects kept. */
    static final Map<String, String> LEGITIMATE = Map.ofEntries(
            Map.entry(
                    "donations/GoodsLotRepository.java t",
                    "goods lots are a cache replayed from the ledger, which is never deleted"),
            Map.entry(
                    "residents/ResidentRepository.java RESIDENT_SEARCH_KEY",
                    "search keys are an index rebuilt from the resident's name"),
            Map.entry(
                    "db/DatabaseCopy.java t",
                    "a new server home is emptied of its migrations' seed rows before the copy (refused if it has accounts)"),
            Map.entry(
                    "volunteers/VolunteerRepository.java q",
                    "an activity's required courses are a setting replaced as a whole, audited with the new list"),
            Map.entry(
                    "security/AccountRepository.java ACCOUNT_ROLE",
                    "an account's roles are a setting replaced as a whole, audited with the change"),
            Map.entry(
                    "security/AccountRepository.java ROLE_PERMISSION",
                    "a role's permission is a setting, granted and revoked, each audited"),
            Map.entry("residents/ImportBatchRepository.java RESIDENT_SEARCH_KEY", UNFINISHED_IMPORT),
            Map.entry("residents/ImportBatchRepository.java RESIDENT_STATUS_EVENT", UNFINISHED_IMPORT),
            Map.entry("residents/ImportBatchRepository.java LIVING_GROUP_HISTORY", UNFINISHED_IMPORT),
            Map.entry("residents/ImportBatchRepository.java RESIDENT", UNFINISHED_IMPORT),
            Map.entry("residents/ImportBatchRepository.java LIVING_GROUP", UNFINISHED_IMPORT),
            Map.entry(
                    "security/AuditRepository.java audit_log",
                    "the audit rows of an import cut off before its end, the chain taken back to before it (one row then says so)"));

    @Test
    void onlyTheNamedDeletesRemain() throws IOException {
        Map<String, String> found = new TreeMap<>();
        Path main = Path.of("src/main/java/org/huyou");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = DELETE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    String key = main.relativize(f).toString().replace('\\', '/') + " " + table;
                    found.put(key, LEGITIMATE.getOrDefault(key, "a delete: void the row through Voiding instead"));
                }
            }
        }
        assertEquals(new TreeMap<>(LEGITIMATE), found, "records are voided, not deleted");
    }

    @Test
    void theRuleSeesADelete() {
        assertTrue(
                DELETE.matcher("dsl.deleteFrom(x).where(x.PLAN_ID.eq(planId))").find());
        assertTrue(DELETE.matcher("dsl.delete(TRANSITION_PAYMENT).where(...)").find());
        assertTrue(DELETE.matcher("st.execute(\"DELETE FROM transition_payment WHERE id = ?\")")
                .find());
        assertFalse(DELETE.matcher("Files.delete(pdf)").find());
        assertFalse(DELETE.matcher("e.getCode() == KeyCode.DELETE").find());
    }
}
