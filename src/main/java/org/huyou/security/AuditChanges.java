package org.huyou.security;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.huyou.common.Coded;
import org.huyou.common.EntryTrail;

/**
 * Field-level before/after of a record, as a small JSON array the audit browser shows and an export carries. A coded
 * value (an enum shown by a label, a set of them, or a map keyed by them) also carries its label prefix as
 * {@code "enum"}, so the audit screen shows the label in the reader's language without knowing the record's class
 * ({@link AuditLabels}).
 */
public final class AuditChanges {

    static final Set<String> SKIPPED = Set.of("id", "version");

    /**
     * A record class's fields, read once: each call copies them anew (an import audits thousands at once). A nested
     * {@link EntryTrail} stands as its own five fields, as they were before records shared it, so the log reads the
     * same whichever way a record holds them.
     */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType() == EntryTrail.class) {
                    for (RecordComponent inner : EntryTrail.class.getRecordComponents()) {
                        fields.add(new Field(inner.getName(), c, inner));
                    }
                } else {
                    fields.add(new Field(c.getName(), c, null));
                }
            }
            return List.copyOf(fields);
        }
    };

    /** One audited field: a component of the record, or a component of a nested trail. */
    private record Field(String name, RecordComponent outer, RecordComponent inner) {
        Object value(Record r) {
            Object v = read(outer, r);
            return inner == null || v == null ? v : read(inner, (Record) v);
        }
    }

    private AuditChanges() {}

    /** Every field that differs: [{"field":"name","before":"张三","after":"张山"}], a coded one with "enum". */
    public static String diff(Record before, Record after) {
        StringBuilder sb = new StringBuilder(1024).append('[');
        for (Field f : FIELDS.get(after.getClass())) {
            if (SKIPPED.contains(f.name())) {
                continue;
            }
            Object b = before == null ? null : f.value(before);
            Object a = f.value(after);
            if (!Objects.equals(b, a)) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append("{\"field\":");
                quote(f.name(), sb).append(",\"before\":");
                quoteOrNull(b, sb).append(",\"after\":");
                quoteOrNull(a, sb);
                String prefix = codedPrefix(a != null ? a : b);
                if (prefix == null && b != null) {
                    prefix = codedPrefix(b); // an empty set after: the set before names the labels
                }
                if (prefix != null) {
                    quote(prefix, sb.append(",\"enum\":"));
                }
                sb.append('}');
            }
        }
        return sb.append(']').toString();
    }

    /** The label prefix of a coded value, or of a collection of them (a set of roles); null for anything else. */
    private static String codedPrefix(Object v) {
        if (v instanceof Coded coded) {
            return coded.labelPrefix();
        }
        if (v instanceof Collection<?> c && !c.isEmpty() && c.iterator().next() instanceof Coded coded) {
            return coded.labelPrefix();
        }
        if (v instanceof Map<?, ?> m && !m.isEmpty() && m.keySet().iterator().next() instanceof Coded coded) {
            return coded.labelPrefix(); // a value per coded key: follow-up days per risk grade
        }
        return null;
    }

    /** The names of the fields the log writes for a record class (a nested trail as its five). */
    static List<String> fieldNames(Class<?> type) {
        return FIELDS.get(type).stream().map(Field::name).toList();
    }

    /** All fields of a new record, as changes from nothing. */
    public static String created(Record after) {
        return diff(null, after);
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            Object v = c.getAccessor().invoke(r);
            return v instanceof byte[] bytes ? bytes.length + " bytes" : v;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String quote(String s) {
        return quote(s, new StringBuilder(s.length() + 2)).toString();
    }

    private static StringBuilder quoteOrNull(Object v, StringBuilder sb) {
        return v == null ? sb.append("null") : quote(String.valueOf(v), sb);
    }

    /** Appends the JSON string of {@code s} to {@code sb}. */
    private static StringBuilder quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
