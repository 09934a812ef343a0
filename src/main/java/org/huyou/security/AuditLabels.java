package org.huyou.security;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.huyou.common.Messages;

/**
 * How the audit log reads for a person (the audit screen): actions, records and field names in the user's language,
 * values as the screens show them. The rows keep codes (action, table, field and enum names), so the log means the
 * same whatever language wrote it; this is the one place that turns them into words.
 *
 * <p>A field's label is looked up as {@code auditField.<entity>.<field>} (a field whose meaning depends on the
 * record), then as the label the entity's form already uses ({@link #FORM_PREFIX}: {@code allergy.substance}), then
 * as {@code auditField.<field>} (fields many records share: resident, recorded by, voided). AuditLabelsTest checks
 * that every action, every entity and every field the code can write has a label in both languages.
 */
public final class AuditLabels {

    /** The message prefix of the form that edits an entity, whose field labels the audit screen reuses. */
    static final Map<String, String> FORM_PREFIX = Map.ofEntries(
            Map.entry("allergy", "allergy"),
            Map.entry("resident", "field"),
            Map.entry("growth_measurement", "growth"),
            Map.entry("incident", "incident"),
            Map.entry("medication_order", "medication"),
            Map.entry("medical_record", "medical"),
            Map.entry("care_plan", "carePlan"),
            Map.entry("care_plan_goal", "carePlan"),
            Map.entry("education_placement", "education"),
            Map.entry("risk_assessment", "psych"),
            Map.entry("formulary_drug", "formulary"),
            Map.entry("daily_care_log", "daily"));

    /**
     * Fields that name who did something by login name: shown by display name, as every list shows who did what (an
     * account's own login name, the field "username", stays as it is).
     */
    private static final Set<String> PEOPLE =
            Set.of("owner", "psychologist", "recordedBy", "createdBy", "approvedBy", "voidedBy");

    /**
     * Fields stored as a code of a list (not an enum, so the row carries no label prefix): 民族 read "03" where the
     * file says 回族.
     */
    private static final Map<String, String> CODED = Map.of("ethnicity", "ethnicity");

    /** A record's number in a field naming another record (生活组 #7), as the 对象 column writes it. */
    private static final Pattern RECORD_ID = Pattern.compile("\\d+");

    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(:\\d{2})?(\\.\\d+)?");

    private AuditLabels() {}

    /** "修改" for EDIT; an unknown code as it is (a row written by a later version). */
    public static String action(String code) {
        return code == null ? "" : label("auditAction." + code, code);
    }

    /** "儿童档案 #12" for resident 12; a refused attempt names the module and the permission asked for. */
    public static String subject(AuditEntry e) {
        if (e.entity() == null) {
            return "";
        }
        if (AuditLog.REFUSED.equals(e.action()) && e.entityId() != null) {
            int dot = e.entityId().indexOf('.');
            if (dot > 0) {
                String module = e.entityId().substring(0, dot);
                String act = e.entityId().substring(dot + 1);
                return label("module." + module, module) + " · " + label("action." + act, act);
            }
        }
        return entity(e.entity()) + (e.entityId() == null ? "" : " #" + e.entityId());
    }

    private static final Pattern SKIPPED_REFUSALS = Pattern.compile("\\+(\\d+) refused before, not written");

    /**
     * A structured summary in the reader's language; an older free-text one as written, but a refusal's count of the
     * refusals left unwritten reads as a sentence.
     */
    public static String summary(AuditEntry e) {
        if (e.summaryKey() != null) {
            return AuditSummary.read(e.summaryKey(), e.summary()).render();
        }
        String s = e.summary();
        if (s != null && AuditLog.REFUSED.equals(e.action())) {
            var m = SKIPPED_REFUSALS.matcher(s);
            if (m.matches()) {
                return Messages.t("audit.refusedSkipped", Integer.parseInt(m.group(1)));
            }
        }
        return s == null ? "" : s;
    }

    public static String entity(String entity) {
        return label("auditEntity." + entity, entity);
    }

    /** The key under which a field of an entity is labelled, or null when it has none. */
    static String fieldKey(String entity, String field) {
        String own = "auditField." + entity + "." + field;
        if (Messages.has(own)) {
            return own;
        }
        String prefix = FORM_PREFIX.get(entity);
        if (prefix != null && Messages.has(prefix + "." + field)) {
            return prefix + "." + field;
        }
        String shared = "auditField." + field;
        return Messages.has(shared) ? shared : null;
    }

    public static String field(String entity, String field) {
        String key = fieldKey(entity, field);
        return key == null ? field : Messages.t(key);
    }

    /**
     * The changes column: "姓名：张三 → 张山；性别：男 → 女". A row whose changes are not the field list (free text
     * written by a setting's change) is shown as it is.
     */
    public static String changes(AuditEntry e) {
        List<String> parts = changeLines(e);
        return parts.size() == 1 && parts.get(0).equals(e.changes()) ? parts.get(0) : Messages.clauses(parts);
    }

    /** The changes one field a line ("姓名：张三 → 张山"), as the detail pane lists them; free text as one line. */
    public static List<String> changeLines(AuditEntry e) {
        String json = e.changes();
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Map<String, String>> fields = parse(json);
        if (fields == null) {
            return List.of(json);
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, String> f : fields) {
            String name = f.get("field");
            String prefix = f.get("enum") != null ? f.get("enum") : CODED.get(name);
            String before = f.get("before");
            String after = f.get("after");
            String shown = AuditLog.CREATE.equals(e.action()) && before == null
                    ? shown(name, after, prefix)
                    : shown(name, before, prefix) + " → " + shown(name, after, prefix);
            parts.add(Messages.t("audit.change", field(e.entity(), name), shown));
        }
        return parts;
    }

    /**
     * Every field of a row as lines to read in full (the audit screen's detail pane): long summaries and changes
     * that a table cell cuts off.
     */
    public static String details(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        line(sb, "audit.col.id", e.id() == null ? "" : String.valueOf(e.id()));
        line(sb, "audit.col.at", at.format(e.at()));
        line(sb, "audit.user", Accounts.displayName(e.username()));
        line(sb, "audit.col.login", e.username());
        line(sb, "audit.action", action(e.action()));
        line(sb, "audit.col.entity", subject(e));
        line(sb, "audit.col.summary", summary(e));
        List<String> changes = changeLines(e);
        line(sb, "audit.col.changes", changes.isEmpty() ? "" : "");
        for (String c : changes) {
            sb.append("    ").append(c).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(Messages.t("audit.detailLine", Messages.t(label), value == null ? "" : value))
                .append('\n');
    }

    private static String shown(String field, String raw, String enumPrefix) {
        if (raw != null
                && field != null
                && field.endsWith("Id")
                && RECORD_ID.matcher(raw).matches()) {
            return "#" + raw;
        }
        return raw != null && PEOPLE.contains(field) ? Accounts.displayName(raw) : value(raw, enumPrefix);
    }

    /**
     * A stored value as the screens show it: labels for coded values (one, or a set of them as "[A, B]"), 是/否,
     * dates and times without the "T".
     */
    static String value(String raw, String enumPrefix) {
        if (raw == null) {
            return Messages.t("audit.value.empty");
        }
        if (enumPrefix != null) {
            if (raw.startsWith("[") && raw.endsWith("]")) {
                List<String> labels = new ArrayList<>();
                for (String code : raw.substring(1, raw.length() - 1).split(", ")) {
                    if (!code.isBlank()) {
                        labels.add(label(enumPrefix + "." + code, code));
                    }
                }
                return labels.isEmpty() ? Messages.t("common.none") : Messages.list(labels);
            }
            if (raw.startsWith("{") && raw.endsWith("}")) {
                List<String> pairs = new ArrayList<>();
                for (String pair : raw.substring(1, raw.length() - 1).split(", ")) {
                    int eq = pair.indexOf('=');
                    pairs.add(
                            eq < 0
                                    ? pair
                                    : Messages.t(
                                            "audit.change",
                                            label(enumPrefix + "." + pair.substring(0, eq), pair.substring(0, eq)),
                                            pair.substring(eq + 1)));
                }
                return Messages.list(pairs);
            }
            return label(enumPrefix + "." + raw, raw);
        }
        if (raw.equals("true")) {
            return Messages.t("common.yes");
        }
        if (raw.equals("false")) {
            return Messages.t("common.no");
        }
        var m = DATE_TIME.matcher(raw);
        if (m.matches()) {
            return m.group(1) + " " + m.group(2);
        }
        return raw;
    }

    private static String label(String key, String fallback) {
        return Messages.has(key) ? Messages.t(key) : fallback;
    }

    /**
     * Reads the array {@link AuditChanges} writes: objects of string or null values. Null when the text is anything
     * else (older free-text changes).
     */
    static List<Map<String, String>> parse(String json) {
        int[] at = {0};
        try {
            List<Map<String, String>> out = new ArrayList<>();
            skip(json, at);
            expect(json, at, '[');
            skip(json, at);
            if (peek(json, at) == ']') {
                return out;
            }
            while (true) {
                skip(json, at);
                expect(json, at, '{');
                Map<String, String> obj = new HashMap<>();
                while (true) {
                    skip(json, at);
                    String k = string(json, at);
                    skip(json, at);
                    expect(json, at, ':');
                    skip(json, at);
                    String v;
                    if (json.startsWith("null", at[0])) {
                        at[0] += 4;
                        v = null;
                    } else {
                        v = string(json, at);
                    }
                    obj.put(k, v);
                    skip(json, at);
                    char c = json.charAt(at[0]++);
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        return null;
                    }
                }
                if (!obj.containsKey("field")) {
                    return null;
                }
                out.add(obj);
                skip(json, at);
                char c = json.charAt(at[0]++);
                if (c == ']') {
                    skip(json, at);
                    return at[0] == json.length() ? out : null;
                }
                if (c != ',') {
                    return null;
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            return null;
        }
    }

    private static char peek(String s, int[] at) {
        return s.charAt(at[0]);
    }

    static void skip(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    static void expect(String s, int[] at, char c) {
        if (s.charAt(at[0]++) != c) {
            throw new IllegalArgumentException();
        }
    }

    static String string(String s, int[] at) {
        expect(s, at, '"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(at[0]++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char esc = s.charAt(at[0]++);
            switch (esc) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                }
                default -> sb.append(esc);
            }
        }
    }
}
