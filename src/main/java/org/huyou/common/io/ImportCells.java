package org.huyou.common.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.huyou.common.Coded;
import org.huyou.common.Dates;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.Messages;

/**
 * One data row of an import, read by field: typed readers that report a cell they cannot read under the header the
 * file gave it (so the report names the column as the user sees it) and read it as null.
 */
public final class ImportCells {

    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "估计", "√");
    private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "");

    private final SheetRow row;
    private final Map<String, Integer> indexOf;
    private final Map<String, ImportField> fields;
    private final Map<String, String> headerOf;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();
    /** Parsed values of the whole file by kind and text: a register repeats 女, 孤儿, 汉族 thousands of times. */
    private final Map<String, Optional<?>> memo;

    ImportCells(
            SheetRow row,
            Map<String, Integer> indexOf,
            Map<String, ImportField> fields,
            Map<String, String> headerOf,
            Map<String, Optional<?>> memo) {
        this.memo = memo;
        this.row = row;
        this.indexOf = indexOf;
        this.fields = fields;
        this.headerOf = headerOf;
    }

    public int row() {
        return row.number();
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** Whether the file has a column for the field. */
    public boolean has(String key) {
        return indexOf.containsKey(key);
    }

    public SheetCell cell(String key) {
        Integer i = indexOf.get(key);
        return i == null ? SheetCell.EMPTY : row.cell(i);
    }

    /**
     * The cell's text, stripped; "" when empty or not in the file. A cell with a hidden character (a direction
     * override, a zero-width or control character) is reported on its row and column, whichever field reads it: the
     * row is not imported. Line breaks are left to the field's own check (a note may hold them, a name may not).
     */
    public String text(String key) {
        String s = cell(key).text().strip();
        if (!failed.contains(key) && HiddenCharacters.in(s, true)) {
            problem(key, "check.hiddenCharacters", column(key));
        }
        return s;
    }

    /** The cell's text, or null when blank. */
    public String optional(String key) {
        String s = text(key);
        return s.isEmpty() ? null : s;
    }

    /** The header the report names the field by: the file's own, else the field's label. */
    public String column(String key) {
        String h = headerOf.get(key);
        if (h != null) {
            return h;
        }
        ImportField f = fields.get(key);
        return f == null ? key : f.label();
    }

    public void problem(String key, String messageKey, Object... args) {
        failed.add(key);
        problems.add(new ImportProblem(row.number(), column(key), Messages.t(messageKey, args)));
    }

    /** Whether a problem was already reported for the field in this row (a rule check need not repeat it). */
    public boolean failed(String key) {
        return failed.contains(key);
    }

    public LocalDate date(String key) {
        String s = text(key);
        if (s.isEmpty()) {
            return null;
        }
        Optional<LocalDate> d = Dates.parse(s);
        if (d.isEmpty()) {
            problem(key, "validation.badDate", s);
        }
        return d.orElse(null);
    }

    public <E extends Enum<E> & Coded> E coded(String key, Class<E> type) {
        String s = text(key);
        if (s.isEmpty()) {
            return null; // "required" is the validator's to say
        }
        Optional<E> e = parsed(type.getName(), s, t -> Coded.parse(type, t));
        if (e.isEmpty()) {
            problem(key, "import.unknownValue", s);
        }
        return e.orElse(null);
    }

    /** {@code parser} applied to {@code text}, once per distinct text of the file for each {@code kind}. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> parsed(String kind, String text, Function<String, Optional<T>> parser) {
        return (Optional<T>) memo.computeIfAbsent(kind + '\u0000' + text, k -> parser.apply(text));
    }

    public boolean yesNo(String key) {
        String s = text(key).toLowerCase(Locale.ROOT);
        if (YES.contains(s)) {
            return true;
        }
        if (!NO.contains(s)) {
            problem(key, "import.unknownValue", text(key));
        }
        return false;
    }

    /** Text that must stay text: a cell the spreadsheet stored as a number is refused, saying how to fix it. */
    public String textNotNumber(String key) {
        SheetCell c = cell(key);
        if (c.number() && !c.blank()) {
            problem(key, "import.storedAsNumber", c.text());
            return null;
        }
        return optional(key);
    }
}
