package org.huyou.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.huyou.common.Coded;
import org.huyou.common.Messages;

/**
 * An audit row's summary as a message key and its parameters, so the row reads in the language of whoever reads it
 * (a director in Chinese, a visiting auditor in English), not in the language of the code that wrote it. The key is
 * stored in {@code summary_key}, the parameters as a small JSON array in {@code summary}; rows written before this
 * (free text, no key) are shown as they were written.
 *
 * <p>A parameter is kept as text, or as a label key (a coded value: shown as its label, in the reader's language),
 * or as a login name (shown as the person's display name). AuditLabelsTest checks that every key the code writes has
 * a sentence in both languages, and that no call passes anything but a constant key.
 */
public record AuditSummary(String key, List<Arg> args) {

    /** The summary column holds at most this many characters; one parameter is cut to keep the JSON whole. */
    private static final int COLUMN = 1000;

    /**
     * One parameter: at most one of text (as written), label (a message key), user (a login name) or a nested
     * summary (a clause that is there or not: "; the replaced database kept as ..."); all null: none.
     */
    public record Arg(String text, String label, String user, AuditSummary clause) {
        Arg(String text, String label, String user) {
            this(text, label, user, null);
        }
    }

    public AuditSummary {
        args = List.copyOf(args);
    }

    /**
     * The summary under {@code key} (a constant {@code auditSummary.*} key) with its parameters: a {@link Coded}
     * value is kept by its label key, a {@link #user(String)} by its login name, anything else as its text.
     */
    public static AuditSummary of(String key, Object... args) {
        List<Arg> out = new ArrayList<>(args.length);
        int room = args.length == 0 ? COLUMN : (COLUMN - 20 * args.length) / args.length;
        for (Object a : args) {
            if (a == null) {
                out.add(new Arg(null, null, null));
            } else if (a instanceof Coded c) {
                out.add(new Arg(null, c.labelPrefix() + "." + c.name(), null));
            } else if (a instanceof Arg given) {
                out.add(given);
            } else if (a instanceof AuditSummary clause) {
                out.add(new Arg(null, null, null, clause));
            } else {
                String s = String.valueOf(a);
                out.add(new Arg(s.length() <= room ? s : s.substring(0, Math.max(0, room - 1)) + "…", null, null));
            }
        }
        return new AuditSummary(key, out);
    }

    /** A parameter naming a person by login name, shown by display name. */
    public static Arg user(String login) {
        return new Arg(null, null, login);
    }

    /** No clause: an optional part of a sentence that is not there (rendered as nothing). */
    public static AuditSummary none() {
        return of("auditSummary.none");
    }

    /** A parameter shown as the sentence under a constant message key (a word such as 自动 / automatic). */
    public static Arg label(String key) {
        return new Arg(null, key, null);
    }

    /** The parameters as stored in the summary column: null when there are none. */
    public String argsJson() {
        if (args.isEmpty()) {
            return null;
        }
        return json(new StringBuilder()).toString();
    }

    private StringBuilder json(StringBuilder out) {
        StringBuilder sb = out.append('[');
        int start = sb.length();
        for (Arg a : args) {
            if (sb.length() > start) {
                sb.append(',');
            }
            if (a.clause() != null) {
                sb.append("{\"key\":")
                        .append(AuditChanges.quote(a.clause().key()))
                        .append(",\"args\":");
                a.clause().json(sb).append('}');
            } else if (a.label() != null) {
                sb.append("{\"label\":").append(AuditChanges.quote(a.label())).append('}');
            } else if (a.user() != null) {
                sb.append("{\"user\":").append(AuditChanges.quote(a.user())).append('}');
            } else {
                sb.append(a.text() == null ? "null" : AuditChanges.quote(a.text()));
            }
        }
        return sb.append(']');
    }

    /** The summary as stored ({@code summary_key}, {@code summary}) read back; unreadable parameters as none. */
    public static AuditSummary read(String key, String argsJson) {
        List<Arg> args = argsJson == null ? List.of() : parse(argsJson);
        return new AuditSummary(key, args == null ? List.of(new Arg(argsJson, null, null)) : args);
    }

    /** The sentence in the current language; a key this version does not know shows its parameters. */
    public String render() {
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Arg a = args.get(i);
            shown[i] = a.clause() != null
                    ? a.clause().render()
                    : a.label() != null
                            ? (Messages.has(a.label()) ? Messages.t(a.label()) : a.label())
                            : a.user() != null ? Accounts.displayName(a.user()) : a.text() == null ? "" : a.text();
        }
        if (!Messages.has(key)) {
            List<String> parts = new ArrayList<>();
            Collections.addAll(parts, Arrays.stream(shown).map(String::valueOf).toArray(String[]::new));
            return key + (parts.isEmpty() ? "" : " " + String.join(" ", parts)); // written by a later version
        }
        return Messages.t(key, shown);
    }

    /** Reads the array {@link #argsJson()} writes; null when the text is anything else. */
    static List<Arg> parse(String json) {
        int[] at = {0};
        try {
            List<Arg> out = array(json, at);
            AuditLabels.skip(json, at);
            return at[0] == json.length() ? out : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException notOurs) {
            return null;
        }
    }

    private static List<Arg> array(String json, int[] at) {
        List<Arg> out = new ArrayList<>();
        AuditLabels.skip(json, at);
        AuditLabels.expect(json, at, '[');
        AuditLabels.skip(json, at);
        if (json.charAt(at[0]) == ']') {
            at[0]++;
            return out;
        }
        while (true) {
            AuditLabels.skip(json, at);
            char c = json.charAt(at[0]);
            if (c == '{') {
                at[0]++;
                String kind = member(json, at);
                String v = AuditLabels.string(json, at);
                if (kind.equals("key")) {
                    AuditLabels.skip(json, at);
                    AuditLabels.expect(json, at, ',');
                    if (!member(json, at).equals("args")) {
                        throw new IllegalArgumentException();
                    }
                    out.add(new Arg(null, null, null, new AuditSummary(v, array(json, at))));
                } else {
                    out.add(kind.equals("label") ? new Arg(null, v, null) : new Arg(null, null, v));
                }
                AuditLabels.skip(json, at);
                AuditLabels.expect(json, at, '}');
            } else if (json.startsWith("null", at[0])) {
                at[0] += 4;
                out.add(new Arg(null, null, null));
            } else {
                out.add(new Arg(AuditLabels.string(json, at), null, null));
            }
            AuditLabels.skip(json, at);
            char next = json.charAt(at[0]++);
            if (next == ']') {
                return out;
            }
            if (next != ',') {
                throw new IllegalArgumentException();
            }
        }
    }

    /** A member's name and its colon: {@code "label":}. */
    private static String member(String json, int[] at) {
        AuditLabels.skip(json, at);
        String name = AuditLabels.string(json, at);
        AuditLabels.skip(json, at);
        AuditLabels.expect(json, at, ':');
        AuditLabels.skip(json, at);
        return name;
    }
}
