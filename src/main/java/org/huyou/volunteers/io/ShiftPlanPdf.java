package org.huyou.volunteers.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.io.PdfText;
import org.huyou.security.Accounts;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.RosterLine;
import org.huyou.volunteers.ShiftPlan;

/**
 * The shift plan handed to volunteers: activity, time, place and who is on it. Built from activities and rosters
 * only, so it cannot carry anything from a resident's care record.
 */
public final class ShiftPlanPdf {

    private ShiftPlanPdf() {}

    public static void write(ShiftPlan plan, Path file, Path font) throws IOException {
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(plan.homeName(), 16);
            pdf.heading(
                    Messages.t(
                            "shiftPlan.title", plan.from().toString(), plan.to().toString()),
                    14);
            for (Activity a : plan.activities()) {
                pdf.heading(
                        Messages.t(
                                "shiftPlan.activity",
                                a.date().toString(),
                                a.start().toString(),
                                a.end().toString(),
                                a.title(),
                                a.place() == null ? "" : a.place()),
                        11);
                List<RosterLine> on = plan.rosters().getOrDefault(a.id(), List.of());
                pdf.line(Messages.t(
                        "shiftPlan.volunteers",
                        on.size(),
                        a.capacity(),
                        on.isEmpty()
                                ? "-"
                                : Messages.list(
                                        on.stream().map(ShiftPlanPdf::volunteer).toList())));
                pdf.gap();
            }
            pdf.line(Messages.t("shiftPlan.note"));
            pdf.save(file);
        }
    }

    /**
     * A volunteer as the plan names them: one put on the shift despite the background check is marked beside the
     * name with who allowed it, as the roster marks it (the reason stays on the roster: the plan is handed out).
     */
    static String volunteer(RosterLine line) {
        return line.checkOverride() == null
                ? line.name()
                : Messages.t("shiftPlan.checkOverridden", line.name(), Accounts.displayName(line.checkOverrideBy()));
    }
}
