package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.common.Coded;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.db.Voiding;
import org.huyou.db.generated.Tables;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit screen reads in the user's language: every action, every record (entity) and every field the code can
 * write into the log has a label in Chinese and in English. The lists come from the code itself: the action
 * constants, and the sources' audit calls (their entities, and the record types whose fields {@link AuditChanges}
 * writes), so a new audit call without labels fails here.
 */
class AuditLabelsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<Locale> LANGUAGES = List.of(Messages.CHINESE, Messages.ENGLISH);

    @AfterEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @Test
    void everyActionHasALabel() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : AuditLog.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        assertEquals(constants, new TreeSet<>(AuditLog.ACTIONS), "AuditLog.ACTIONS lists every action constant");
        // no call writes an action that is not one of the constants
        List<String> literal = new ArrayList<>();
        for (Map.Entry<Path, String> src : sources().entrySet()) {
            Matcher m =
                    Pattern.compile("audit(?:\\(\\))?\\.(record|recordAs)\\(").matcher(src.getValue());
            while (m.find()) {
                List<String> args = arguments(src.getValue(), m.end());
                String action = m.group(1).equals("record") ? args.get(0) : args.size() > 1 ? args.get(1) : "";
                if (action.startsWith("\"")) {
                    literal.add(src.getKey() + ": " + action);
                }
            }
        }
        assertEquals(List.of(), literal, "actions are written through AuditLog's constants");
        missing(constants, "auditAction.%s");
    }

    @Test
    void everyEntityTheCodeWritesHasALabel() {
        Set<String> entities = entities();
        assertTrue(
                entities.containsAll(Set.of(
                        "resident",
                        "ledger_entry",
                        "account",
                        "allergy",
                        "education_plan",
                        "care_plan_goal",
                        "allowance_standard",
                        "resident_id_number",
                        "permission")),
                entities.toString());
        missing(entities, "auditEntity.%s");
        // the voided tables, named by the generated table (one repository's own, one picked by a switch)
        Set<String> voided = new TreeSet<>();
        sources().values().forEach(text -> voided.addAll(voidedTables(text)));
        assertTrue(
                voided.containsAll(Set.of("growth_measurement", "allowance_category_change", "rehab_plan")),
                voided.toString());
    }

    @Test
    void everyFieldTheCodeWritesHasALabel() throws ClassNotFoundException {
        Map<String, Set<String>> fields = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> src : sources().entrySet()) {
            String text = src.getValue();
            Matcher m = Pattern.compile("AuditChanges\\.(created|diff)\\(").matcher(text);
            while (m.find()) {
                String entity = enclosingEntity(text, m.start());
                if (entity == null) {
                    problems.add(src.getKey() + ": no literal entity around AuditChanges at " + m.start());
                    continue;
                }
                for (String arg : arguments(text, m.end())) {
                    Class<?> type = typeOf(src.getKey(), text, m.start(), arg.strip());
                    if (type == null || !type.isRecord()) {
                        problems.add(src.getKey() + ": cannot tell the record type of " + arg.strip());
                        continue;
                    }
                    for (String name : AuditChanges.fieldNames(type)) {
                        if (!AuditChanges.SKIPPED.contains(name)) {
                            fields.computeIfAbsent(entity, k -> new TreeSet<>()).add(name);
                        }
                    }
                    for (RecordComponent c : type.getRecordComponents()) {
                        if (c.getType().isEnum() && Coded.class.isAssignableFrom(c.getType())) {
                            for (Object constant : c.getType().getEnumConstants()) {
                                Coded coded = (Coded) constant;
                                for (Locale l : LANGUAGES) {
                                    Messages.use(l);
                                    if (!Messages.has(coded.labelPrefix() + "." + coded.name())) {
                                        problems.add(
                                                l + ": no label for value " + coded.labelPrefix() + "." + coded.name());
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(fields.size() >= 15, fields.toString());
        for (Locale l : LANGUAGES) {
            Messages.use(l);
            fields.forEach((entity, names) -> names.forEach(f -> {
                if (AuditLabels.fieldKey(entity, f) == null) {
                    problems.add(l + ": auditField." + entity + "." + f + " (or auditField." + f + ")");
                }
            }));
        }
        assertEquals(List.of(), problems.stream().distinct().toList(), "fields written to the audit log, unlabelled");
    }

    /**
     * No audit call writes a free-text (English) summary: every summary is an {@link AuditSummary} whose key is a
     * constant (a literal, or a choice between literals) with a sentence in both languages, and every
     * {@code auditSummary.*} key the code names exists in both. (The summary parameter's type already refuses a
     * plain String; this keeps the keys honest.)
     */
    @Test
    void everyAuditSummaryIsAKeyWithASentenceInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Pattern literal = Pattern.compile("\"([A-Za-z0-9_.]+)\"");
        for (Map.Entry<Path, String> src : sources().entrySet()) {
            String text = src.getValue();
            Matcher of = Pattern.compile("AuditSummary\\.of\\(").matcher(text);
            while (of.find()) {
                if (text.startsWith("public static AuditSummary of(", of.start() - "public static ".length())) {
                    continue; // its declaration
                }
                String key = arguments(text, of.end()).get(0).strip();
                // a literal, or "cond ? \"a\" : \"b\""
                String rest = literal.matcher(key)
                        .replaceAll("")
                        .replaceAll("^[\\w.()!]+\\s*\\?\\s*:?", "")
                        .replaceAll("[\\s?:]", "");
                if (!key.contains("\"") || !rest.isEmpty()) {
                    problems.add(src.getKey() + ": AuditSummary.of(" + key + ", ...): the key is not a constant");
                }
                Matcher k = literal.matcher(key);
                while (k.find()) {
                    keys.add(k.group(1));
                }
            }
            Matcher named = Pattern.compile("\"(auditSummary\\.[A-Za-z0-9]+)\"").matcher(text);
            while (named.find()) {
                keys.add(named.group(1));
            }
            // every record/recordAs call passes no summary, or a structured one
            Matcher call =
                    Pattern.compile("audit(?:\\(\\))?\\.(record|recordAs)\\(").matcher(text);
            while (call.find()) {
                List<String> args = arguments(text, call.end());
                int index = call.group(1).equals("record") ? 3 : 4;
                if (args.size() <= index) {
                    continue;
                }
                String arg = args.get(index).strip();
                if (arg.contains("\"") && !arg.contains("AuditSummary.of(")) {
                    problems.add(src.getKey() + ": free text as an audit summary: " + arg);
                }
                // a record created says what it is in the log's summary column, as every other kind does
                if (args.get(index - 3).strip().equals("AuditLog.CREATE") && arg.equals("null")) {
                    problems.add(src.getKey() + ": a CREATE without a summary (entity "
                            + args.get(index - 2).strip() + ")");
                }
            }
        }
        assertTrue(keys.size() > 50, keys.toString());
        for (Locale l : LANGUAGES) {
            java.util.ResourceBundle bundle = Messages.load(l);
            for (String key : keys) {
                if (!bundle.containsKey(key)) {
                    problems.add(l + ": no sentence for audit summary " + key);
                }
            }
        }
        assertEquals(List.of(), problems, "audit summaries");
    }

    /** A structured summary reads in the reader's language, its coded values as labels and people by name. */
    @Test
    void aStructuredSummaryReadsInTheReadersLanguage() {
        AuditSummary s =
                AuditSummary.of("auditSummary.receipt", org.huyou.donations.LedgerEntry.Kind.DONATION, "2026-000012");
        AuditEntry e = AuditEntry.of(
                LocalDateTime.of(2026, 11, 23, 10, 0), "system", AuditLog.CREATE, "ledger_entry", "12", s, null);
        assertEquals("auditSummary.receipt", e.summaryKey());
        Messages.use(Messages.CHINESE);
        String zh = AuditLabels.summary(e);
        assertTrue(
                zh.contains(org.huyou.donations.LedgerEntry.Kind.DONATION.label()) && zh.contains("2026-000012"), zh);
        assertEquals("系统", Accounts.displayName(e.username()));
        assertEquals("示例数据", Accounts.displayName(Accounts.DEMO_ACTOR));
        Messages.use(Messages.ENGLISH);
        String en = AuditLabels.summary(e);
        assertTrue(en.contains(org.huyou.donations.LedgerEntry.Kind.DONATION.label()), en);
        assertFalse(en.equals(zh), en);
        assertFalse(en.contains("DONATION"), en);
        // a clause that is there, one that is not, a person, text with quotes and line breaks: read back as written
        AuditSummary nested = AuditSummary.of(
                "auditSummary.restored",
                AuditSummary.user("zz-nobody"),
                "a \"b\"\n.zip",
                AuditSummary.of("auditSummary.restoredAside", "x.zip"),
                AuditSummary.none(),
                AuditSummary.none());
        AuditSummary back = AuditSummary.read(nested.key(), nested.argsJson());
        assertEquals(nested, back);
        assertEquals(
                Messages.t(
                        "auditSummary.restored",
                        "zz-nobody",
                        "a \"b\"\n.zip",
                        Messages.t("auditSummary.restoredAside", "x.zip"),
                        "",
                        ""),
                back.render());
        // an older row's free text is shown as it was written
        AuditEntry old =
                new AuditEntry(3L, e.at(), "admin", AuditLog.EDIT, "account", "1", "deactivated account x", null, null);
        assertEquals("deactivated account x", AuditLabels.summary(old));
    }

    /** A record with a coded value, a flag, a date and a time, as a director reads its change. */
    record Sample(
            long id,
            String name,
            Gender gender,
            boolean birthDateEstimated,
            LocalDate birthDate,
            LocalDateTime approvedAt,
            Set<Role> roles) {}

    @Test
    void aChangeReadsAsTheScreensShowIt() {
        Messages.use(Messages.CHINESE);
        Sample before = new Sample(
                1,
                "张三",
                Gender.MALE,
                true,
                LocalDate.of(2015, 3, 5),
                LocalDateTime.of(2026, 11, 23, 9, 30, 15),
                java.util.EnumSet.of(Role.CAREGIVER));
        Sample after = new Sample(
                1,
                "张山",
                Gender.FEMALE,
                false,
                LocalDate.of(2015, 3, 6),
                null,
                java.util.EnumSet.of(Role.CAREGIVER, Role.TEACHER));
        AuditEntry e = new AuditEntry(
                7L,
                LocalDateTime.of(2026, 11, 23, 10, 0),
                "admin",
                AuditLog.EDIT,
                "resident",
                "12",
                "R-1",
                AuditChanges.diff(before, after),
                null);
        String shown = AuditLabels.changes(e);
        assertTrue(shown.contains("姓名：张三 → 张山"), shown);
        assertTrue(shown.contains(Gender.MALE.label() + " → " + Gender.FEMALE.label()), shown);
        assertTrue(shown.contains("是 → 否"), shown);
        assertTrue(shown.contains("2015-03-05 → 2015-03-06"), shown);
        assertTrue(shown.contains("2026-11-23 09:30 → " + Messages.t("audit.value.empty")), shown);
        assertTrue(
                shown.contains(Role.CAREGIVER.label() + " → " + Role.CAREGIVER.label() + "、" + Role.TEACHER.label()),
                shown);
        for (String raw :
                List.of("MALE", "true", "gender", "birthDate", "approvedAt", "CAREGIVER", "\"field\"", "T09")) {
            assertFalse(shown.contains(raw), raw + " in " + shown);
        }
        assertEquals("修改", AuditLabels.action(AuditLog.EDIT));
        assertEquals(Messages.t("auditEntity.resident") + " #12", AuditLabels.subject(e));
        AuditEntry refused = new AuditEntry(
                8L, e.at(), "nurse", AuditLog.REFUSED, "permission", "DONATIONS.APPROVE", null, null, null);
        assertEquals(
                Messages.t("module.DONATIONS") + " · " + Messages.t("action.APPROVE"), AuditLabels.subject(refused));
        // a free-text change (an older row, a setting's note) is shown as written
        AuditEntry free = new AuditEntry(9L, e.at(), "admin", AuditLog.EDIT, "app_setting", "x", null, "A → B", null);
        assertEquals("A → B", AuditLabels.changes(free));
        Messages.use(Messages.ENGLISH);
        assertTrue(
                AuditLabels.changes(e).contains("yes → no")
                        || AuditLabels.changes(e).contains("Yes → No"),
                AuditLabels.changes(e));
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    /** A code of a list reads as its word (民族：回族, not 03), another record's number as the 对象 column writes it. */
    @Test
    void aCodedValueReadsAsItsWord() {
        Messages.use(Messages.CHINESE);
        AuditEntry created = new AuditEntry(
                8L,
                LocalDateTime.of(2026, 12, 8, 0, 27),
                "admin",
                AuditLog.CREATE,
                "resident",
                "74",
                null,
                "[{\"field\":\"ethnicity\",\"after\":\"03\"},{\"field\":\"livingGroupId\",\"after\":\"7\"}]",
                null);
        String shown = AuditLabels.changes(created);
        assertTrue(shown.contains("民族：回族"), shown);
        assertTrue(shown.contains("：#7"), shown);
    }

    /** Rows the real services wrote, read back from the real database, as the audit screen shows them. */
    @Test
    void rowsWrittenByTheServicesReadInChinese() {
        Messages.use(Messages.CHINESE);
        try (org.huyou.app.AppContext ctx = org.huyou.testing.TestHome.open(dir)) {
            ctx.accounts()
                    .create(
                            "zhaoyu",
                            "赵雨",
                            org.huyou.testing.TestHome.PASSWORD,
                            java.util.EnumSet.of(Role.SOCIAL_WORKER));
            List<AuditEntry> rows =
                    ctx.audit().browse(new AuditFilter(null, AuditLog.CREATE, "account", null, null, null), 10);
            AuditEntry created = rows.stream()
                    .filter(r -> AuditLabels.summary(r).equals("zhaoyu"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("新建", AuditLabels.action(created.action()));
            assertTrue(AuditLabels.subject(created).startsWith("账户 #"), AuditLabels.subject(created));
            String shown = AuditLabels.changes(created);
            assertTrue(shown.contains("登录名：zhaoyu"), shown);
            assertTrue(shown.contains("姓名：赵雨"), shown);
            assertTrue(shown.contains("角色：" + Role.SOCIAL_WORKER.label()), shown);
            assertTrue(shown.contains("启用：是"), shown);
            for (String raw : List.of("SOCIAL_WORKER", "true", "roles", "displayName", "{")) {
                assertFalse(shown.contains(raw), raw + " in " + shown);
            }
        }
    }

    /** The CSV export reads as the screen does: Chinese headers and labels, UTF-8 with a BOM for Excel. */
    @Test
    void theExportReadsInChineseAndOpensInExcel() throws IOException {
        Messages.use(Messages.CHINESE);
        try (org.huyou.app.AppContext ctx = org.huyou.testing.TestHome.open(dir)) {
            ctx.accounts()
                    .create(
                            "zhaoyu",
                            "赵雨",
                            org.huyou.testing.TestHome.PASSWORD,
                            java.util.EnumSet.of(Role.SOCIAL_WORKER));
            Path out = dir.resolve("audit.csv");
            int rows = ctx.audit().export(new AuditFilter(null, null, null, null, null, null), out);
            byte[] bytes = Files.readAllBytes(out);
            assertTrue(
                    bytes.length > 3
                            && (bytes[0] & 0xff) == 0xEF
                            && (bytes[1] & 0xff) == 0xBB
                            && (bytes[2] & 0xff) == 0xBF,
                    "UTF-8 BOM");
            List<String> lines = Files.readAllLines(out, java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("\uFEFF编号,时间,用户,登录名,操作,对象,摘要,修改内容", lines.get(0));
            assertEquals(rows + 1, lines.size(), String.join("\n", lines));
            String created = lines.stream()
                    .filter(l -> l.contains(",zhaoyu,") || l.contains("登录名：zhaoyu"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(created.contains("新建") && created.contains("账户 #"), created);
            assertFalse(String.join("\n", lines).contains("SOCIAL_WORKER"), "codes read as labels");
        }
    }

    // --- reading the sources ---

    private static void missing(Set<String> codes, String keyPattern) {
        List<String> missing = new ArrayList<>();
        for (Locale l : LANGUAGES) {
            Messages.use(l);
            for (String c : codes) {
                if (!Messages.has(String.format(keyPattern, c))) {
                    missing.add(l + ": " + String.format(keyPattern, c));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Every entity an audit call can write: the literal (or constant) entity of {@code record}/{@code recordAs}
     * calls, the tables voided through {@link Voiding#voidable} (a generated table, or the tables a switch in the same
     * file picks), and for an entity held in a variable the table names written just before it (a switch or a choice
     * between two).
     */
    private static Set<String> entities() {
        Set<String> out = new TreeSet<>();
        out.add("permission"); // the refusals' rows (AuditLog.recordRefusal)
        for (Map.Entry<Path, String> src : sources().entrySet()) {
            String text = src.getValue();
            out.addAll(voidedTables(text));
            Matcher m = Pattern.compile(
                            "audit(?:\\(\\))?\\.(record|recordAs)\\(|Corrections\\.voidEntry\\(|\\bvoidEntry\\(\"")
                    .matcher(text);
            while (m.find()) {
                int open = m.group().endsWith("\"") ? m.end() - 1 : m.end();
                List<String> args = arguments(text, open);
                String g = m.group();
                int index =
                        g.endsWith(".record(") ? 1 : g.endsWith(".recordAs(") || g.startsWith("Corrections") ? 2 : 0;
                if (args.size() <= index) {
                    continue;
                }
                String arg = args.get(index).strip();
                if (arg.startsWith("\"")) {
                    out.add(arg.substring(1, arg.length() - 1));
                    continue;
                }
                Matcher constant = Pattern.compile("static final String " + Pattern.quote(arg) + " = \"([a-z_]+)\"")
                        .matcher(text);
                if (arg.matches("[A-Z_]+") && constant.find()) {
                    out.add(constant.group(1));
                    continue;
                }
                if (arg.equals("entity") || arg.equals("table") || arg.equals("planTable")) {
                    // a variable: the table names assigned to it in the lines before the call
                    int from = Math.max(0, text.lastIndexOf('\n', Math.max(0, m.start() - 600)));
                    Matcher names =
                            Pattern.compile("\"([a-z]+(?:_[a-z]+)+)\"").matcher(text.substring(from, m.start()));
                    while (names.find()) {
                        out.add(names.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** The audit names of the generated tables a source voids through {@code Voiding.voidable(dsl, TABLE, ...)}. */
    private static Set<String> voidedTables(String text) {
        Set<String> out = new TreeSet<>();
        Matcher voids =
                Pattern.compile("Voiding\\.voidable\\(\\s*\\w+,\\s*(\\w+)").matcher(text);
        while (voids.find()) {
            List<String> constants = new ArrayList<>();
            if (voids.group(1).matches("[A-Z_]+")) {
                constants.add(voids.group(1));
            } else {
                // table(entry): the tables its switch returns
                Matcher cases = Pattern.compile("case \\w+ -> ([A-Z_]+);").matcher(text);
                while (cases.find()) {
                    constants.add(cases.group(1));
                }
            }
            for (String c : constants) {
                try {
                    out.add(Voiding.auditName(
                            (Table<?>) Tables.class.getField(c).get(null)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("not a generated table: " + c, e);
                }
            }
        }
        return out;
    }

    /** The literal entity of the audit call an AuditChanges call is an argument of. */
    private static String enclosingEntity(String text, int at) {
        // an audit row is written by record(...) or, for a batch, listed as new AuditLog.Change(...): both name the
        // entity second
        int record = text.lastIndexOf(".record(", at);
        int change = text.lastIndexOf("AuditLog.Change(", at);
        String opener = change > record ? "AuditLog.Change(" : ".record(";
        int call = Math.max(record, change);
        if (call < 0 || at - call > 600) {
            return null;
        }
        List<String> args = arguments(text, call + opener.length());
        String entity = args.size() > 1 ? args.get(1).strip() : "";
        return entity.startsWith("\"") ? entity.substring(1, entity.length() - 1) : null;
    }

    /** The static type of an argument: {@code new X(...)}, or a variable declared with its type before the call. */
    private static Class<?> typeOf(Path file, String text, int at, String arg) throws ClassNotFoundException {
        String simple;
        Matcher created = Pattern.compile("^new ([A-Z][\\w.]*)\\(").matcher(arg);
        if (created.find()) {
            simple = created.group(1);
        } else if (arg.matches("\\w+")) {
            Matcher decl = Pattern.compile("([A-Z][\\w.]*)(?:<[^>]*>)?\\s+" + arg + "\\s*[=;,)]")
                    .matcher(text.substring(0, at));
            simple = null;
            while (decl.find()) {
                simple = decl.group(1);
            }
            if (simple == null) {
                return null;
            }
        } else {
            return null;
        }
        return resolve(file, text, simple);
    }

    private static Class<?> resolve(Path file, String text, String simple) throws ClassNotFoundException {
        String outer = simple.contains(".") ? simple.substring(0, simple.indexOf('.')) : simple;
        String nested =
                simple.contains(".") ? simple.substring(simple.indexOf('.')).replace('.', '$') : "";
        Matcher imported = Pattern.compile("import ([\\w.]+\\." + outer + ");").matcher(text);
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        String outerName = imported.find() ? imported.group(1) : pkg + "." + outer;
        try {
            return Class.forName(outerName + nested);
        } catch (ClassNotFoundException notTopLevel) {
            // a record nested in the calling class
            String self = file.getFileName().toString().replace(".java", "");
            return Class.forName(pkg + "." + self + "$" + simple.replace('.', '$'));
        }
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code from}. */
    static List<String> arguments(String text, int from) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                i++;
                while (text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                continue;
            }
            if (ch == '\'') {
                i = text.indexOf('\'', i + (text.charAt(i + 1) == '\\' ? 3 : 2));
                continue;
            }
            if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    out.add(text.substring(start, i).strip());
                    return out;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        return out;
    }

    private static Map<Path, String> sources() {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    out.put(p, Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
