package org.huyou.allowance.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.huyou.allowance.Roll;
import org.huyou.common.Messages;
import org.huyou.common.io.WriteBeside;

/**
 * The roll as a workbook streamed row by row: one sheet of residents (ID numbers masked), one of totals per category.
 * Written next to its name and moved into place, so nobody opens half a file.
 */
public final class RollXlsx {

    private static final String MONEY = "#,##0.00";

    private RollXlsx() {
    }

    public static void write(Roll roll, String homeName, Path file) throws IOException {
        WriteBeside.write(file, partial -> workbook(roll, homeName, partial));
    }

    private static void workbook(Roll roll, String homeName, Path partial) throws IOException {
        try (OutputStream os = Files.newOutputStream(partial)) {
            Workbook wb = new Workbook(os, "Huyou", "1.0");
            Worksheet ws = wb.newWorksheet(Messages.t("allowance.sheet.roll"));
            ws.value(0, 0, Messages.t("allowance.rollTitle", homeName, String.valueOf(roll.month().getYear()),
                    roll.month().getMonthValue()));
            ws.value(1, 0, Messages.t("allowance.rollRegion", roll.region()));
            String[] head = {Messages.t("allowance.col.recordNo"), Messages.t("allowance.col.name"),
                Messages.t("allowance.col.idNumber"), Messages.t("allowance.col.days"),
                Messages.t("allowance.col.segments"), Messages.t("allowance.col.amount"),
                Messages.t("allowance.col.problems")};
            int r = 3;
            for (int c = 0; c < head.length; c++) {
                ws.value(r, c, head[c]);
            }
            for (Roll.Line l : roll.lines()) {
                r++;
                ws.value(r, 0, l.recordNo());
                ws.value(r, 1, l.name());
                ws.value(r, 2, l.maskedIdNumber());
                ws.value(r, 3, l.daysInCare());
                ws.value(r, 4, RollText.segments(l));
                money(ws, r, 5, l.amount());
                ws.value(r, 6, RollText.problems(l));
            }
            r++;
            ws.value(r, 4, Messages.t("allowance.total"));
            money(ws, r, 5, roll.total());

            Worksheet totals = wb.newWorksheet(Messages.t("allowance.sheet.totals"));
            totals.value(0, 0, Messages.t("allowance.col.category"));
            totals.value(0, 1, Messages.t("allowance.col.people"));
            totals.value(0, 2, Messages.t("allowance.col.personDays"));
            totals.value(0, 3, Messages.t("allowance.col.amount"));
            int t = 0;
            for (Roll.CategoryTotal c : roll.totals()) {
                t++;
                totals.value(t, 0, c.category().label());
                totals.value(t, 1, c.people());
                totals.value(t, 2, c.days());
                money(totals, t, 3, c.amount());
            }
            t++;
            totals.value(t, 0, Messages.t("allowance.total"));
            totals.value(t, 1, roll.people());
            money(totals, t, 3, roll.total());
            wb.finish();
        }
    }

    private static void money(Worksheet ws, int r, int c, BigDecimal v) {
        ws.value(r, c, v);
        ws.style(r, c).format(MONEY).set();
    }
}
