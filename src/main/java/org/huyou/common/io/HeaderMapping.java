package org.huyou.common.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;

/**
 * Which field each column of a file goes to: guessed from its header (Chinese or English labels, the field's key,
 * the other names homes use), changed by the user (on screen, or {@code --map "联系电话=ignore,出生年月=birthDate"}).
 * A column nobody could place is reported, so that no data is dropped without the user saying so.
 */
public final class HeaderMapping {

    private static final String UNKNOWN_COLUMN = "import.unknownColumn";

    /**
     * Whether any problem is a column not known: the way to map one is said once under the report (on screen or on
     * the command line, each its own way), not in every such problem.
     */
    public static boolean anyUnknownColumn(List<ImportProblem> problems) {
        String text = Messages.t(UNKNOWN_COLUMN);
        return problems.stream().anyMatch(p -> text.equals(p.message()));
    }

    /** The choice that leaves a column out. */
    public static final String IGNORE = "ignore";

    private HeaderMapping() {}

    /** The columns of a file mapped to fields, the header each field was found under, and what is wrong. */
    public record Mapped(
            Map<Integer, ImportField> columns, Map<String, String> headerOf, List<ImportProblem> problems) {}

    /** Lower case, without spaces, the required mark (*) and a note in parentheses: "出生日期（年-月-日）*" → "出生日期". */
    static String normalize(String header) {
        String h = header == null ? "" : header.strip();
        h = h.replaceAll("[（(][^）)]*[）)]", "").replace("*", "").replace("＊", "");
        return h.replaceAll("[\\s\\u3000_\\-/]", "").toLowerCase(Locale.ROOT);
    }

    /** The field a header most likely names. */
    public static Optional<ImportField> guess(String header, List<ImportField> fields) {
        String h = normalize(header);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return fields.stream().filter(f -> f.names(h)).findFirst();
    }

    /**
     * Parses {@code "联系电话=ignore,出生年月=birthDate"}: header to field key, label or "ignore". A field that does not
     * exist is refused here, naming the fields that do.
     */
    public static Map<String, String> parse(String spec, List<ImportField> fields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return mapping;
        }
        for (String pair : spec.split("[,，;；]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UserFacingException("import.badMap", pair.strip());
            }
            String header = pair.substring(0, eq).strip();
            String target = pair.substring(eq + 1).strip();
            mapping.put(
                    header,
                    target(target, fields)
                            .orElseThrow(() -> new UserFacingException(
                                    "import.unknownField",
                                    target,
                                    fields.stream().map(ImportField::key).collect(Collectors.joining(", ")))));
        }
        return mapping;
    }

    /** A field key, its label in either language, or one of the words for "ignore", as the key it stands for. */
    public static Optional<String> target(String target, List<ImportField> fields) {
        String t = normalize(target);
        if (t.equals(IGNORE)
                || t.equals(normalize(Messages.load(Messages.CHINESE).getString("import.ignoreColumn")))
                || t.equals(normalize(Messages.load(Messages.ENGLISH).getString("import.ignoreColumn")))
                || t.equals("忽略")
                || t.equals("skip")) {
            return Optional.of(IGNORE);
        }
        return fields.stream().filter(f -> f.names(t)).map(ImportField::key).findFirst();
    }

    /**
     * Maps a header row: the user's choices first (by header text), then the guesses. Reports columns that could
     * not be placed, fields given two columns, and required fields no column goes to.
     */
    public static Mapped map(SheetRow header, List<ImportField> fields, Map<String, String> choices) {
        Map<String, String> chosen = new HashMap<>();
        choices.forEach((h, f) -> chosen.put(normalize(h), f));
        Map<String, ImportField> byKey = new HashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        Map<Integer, ImportField> columns = new LinkedHashMap<>();
        Map<String, String> headerOf = new HashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String h = header.cell(i).text().strip();
            if (h.isEmpty()) {
                continue;
            }
            String choice = chosen.get(normalize(h));
            Optional<ImportField> field = choice == null
                    ? guess(h, fields)
                    : Optional.ofNullable(byKey.get(target(choice, fields).orElse(choice)));
            if (IGNORE.equals(choice)) {
                continue;
            }
            if (field.isEmpty()) {
                problems.add(new ImportProblem(header.number(), h, Messages.t(UNKNOWN_COLUMN)));
            } else if (headerOf.containsKey(field.get().key())) {
                problems.add(new ImportProblem(
                        header.number(),
                        h,
                        Messages.t(
                                "import.repeatedColumn",
                                headerOf.get(field.get().key()))));
            } else {
                columns.put(i, field.get());
                headerOf.put(field.get().key(), h);
            }
        }
        for (ImportField f : fields) {
            if (f.required() && !headerOf.containsKey(f.key())) {
                problems.add(new ImportProblem(header.number(), f.label(), Messages.t("import.missingColumn")));
            }
        }
        return new Mapped(columns, headerOf, problems);
    }
}
