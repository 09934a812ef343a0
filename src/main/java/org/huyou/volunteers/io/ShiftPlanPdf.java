package org.huyou.volunteers.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huyou.common.Messages;
import org.huyou.common.io.PdfText;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.RosterLine;

/**
 * The shift plan handed to volunteers: activity, time, place and who is on it. Built from activities and rosters
 * only, so it cannot carry anything from a resident's care record.
 */
public final class ShiftPlanPdf {

    private ShiftPlanPdf() {}

    public static void write(
            String homeName,
            LocalDate from,
            LocalDate to,
            List<Activity> activities,
            Map<Long, List<RosterLine>> rosters,
            Path file,
            Path font)
            throws IOException {
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(homeName, 16);
            pdf.heading(Messages.t("shiftPlan.title", from.toString(), to.toString()), 14);
            for (Activity a : activities) {
                pdf.heading(
                        Messages.t(
                                "shiftPlan.activity",
                                a.date().toString(),
                                a.start().toString(),
                                a.end().toString(),
                                a.title(),
                                a.place() == null ? "" : a.place()),
                        11);
                List<RosterLine> on = rosters.getOrDefault(a.id(), List.of());
                pdf.line(Messages.t(
                        "shiftPlan.volunteers",
                        on.size(),
                        a.capacity(),
                        on.isEmpty()
                                ? "-"
                                : Messages.list(
                                        on.stream().map(RosterLine::name).toList())));
                pdf.gap();
            }
            pdf.line(Messages.t("shiftPlan.note"));
            pdf.save(file);
        }
    }
}
