package org.huyou.residents.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.huyou.common.Coded;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.RecordMerge;
import org.huyou.common.ui.ConflictDialog;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.LivingGroup;

/** A resident's differing fields as the conflict dialog shows them: translated labels, values as on the form. */
final class ResidentConflictRows {

    private ResidentConflictRows() {}

    static List<ConflictDialog.Row> of(List<RecordMerge.Difference> differences, List<LivingGroup> groups) {
        return differences.stream()
                .map(d -> new ConflictDialog.Row(
                        d.field(),
                        label(d.field()),
                        shown(d.field(), d.mine(), groups),
                        shown(d.field(), d.theirs(), groups),
                        d.bothChanged(),
                        d.takesTheirsByDefault()))
                .toList();
    }

    private static String label(String field) {
        return Messages.t("field." + (field.equals("livingGroupId") ? "livingGroup" : field));
    }

    private static String shown(String field, Object value, List<LivingGroup> groups) {
        if (value == null) {
            return Messages.t("common.notSet");
        }
        return switch (field) {
            case "ethnicity" -> Ethnicity.label((String) value);
            case "disabilityGrade" -> Messages.t("residents.grade", value);
            case "livingGroupId" ->
                groups.stream()
                        .filter(g -> Objects.equals(g.id(), value))
                        .map(LivingGroup::name)
                        .findFirst()
                        .orElse(String.valueOf(value));
            default -> plain(value);
        };
    }

    private static String plain(Object value) {
        if (value instanceof Coded c) {
            return c.label();
        }
        if (value instanceof LocalDate d) {
            return Dates.format(d);
        }
        if (value instanceof Boolean b) {
            return Messages.t(b ? "common.yes" : "common.no");
        }
        return String.valueOf(value);
    }
}
