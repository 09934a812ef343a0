package org.huyou.allowance.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.huyou.allowance.Roll;
import org.huyou.common.Messages;
import org.huyou.common.io.WriteBeside;
import org.huyou.common.io.XlsxWriter;

/**
 * The roll as a workbook streamed row by row: one sheet of residents (ID numbers masked), one of totals per category.
 * Written next to its name and moved into place, so nobody opens half a file.
 */
public final class RollXlsx {

    private RollXlsx() {}

    public static void write(Roll roll, String homeName, Path file) throws IOException {
        WriteBeside.write(file, partial -> workbook(roll, homeName, partial));
    }

    private static void workbook(Roll roll, String homeName, Path partial) throws IOException {
        XlsxWriter.write(partial, wb -> {
            XlsxWriter.Sheet ws = wb.sheet(Messages.t("allowance.sheet.roll"));
            ws.cell(
                    0,
                    0,
                    Messages.t(
                            "allowance.rollTitle",
                            homeName,
                            String.valueOf(roll.month().getYear()),
                            roll.month().getMonthValue()));
            ws.cell(1, 0, Messages.t("allowance.rollRegion", roll.region()));
            String[] head = {
                Messages.t("allowance.col.recordNo"),
                Messages.t("allowance.col.name"),
                Messages.t("allowance.col.idNumber"),
                Messages.t("allowance.col.days"),
                Messages.t("allowance.col.segments"),
                Messages.t("allowance.col.amount"),
                Messages.t("allowance.col.problems")
            };
            int r = 3;
            for (int c = 0; c < head.length; c++) {
                ws.text(r, c, head[c]);
            }
            for (Roll.Line l : roll.lines()) {
                r++;
                ws.cell(r, 0, l.recordNo());
                ws.cell(r, 1, l.name());
                ws.cell(r, 2, l.maskedIdNumber());
                ws.cell(r, 3, l.daysInCare());
                ws.cell(r, 4, RollText.segments(l));
                money(ws, r, 5, l.amount());
                ws.cell(r, 6, RollText.problems(l));
            }
            r++;
            ws.cell(r, 4, Messages.t("allowance.total"));
            money(ws, r, 5, roll.total());

            XlsxWriter.Sheet totals = wb.sheet(Messages.t("allowance.sheet.totals"));
            totals.cell(0, 0, Messages.t("allowance.col.category"));
            totals.cell(0, 1, Messages.t("allowance.col.people"));
            totals.cell(0, 2, Messages.t("allowance.col.personDays"));
            totals.cell(0, 3, Messages.t("allowance.col.amount"));
            int t = 0;
            for (Roll.CategoryTotal c : roll.totals()) {
                t++;
                totals.cell(t, 0, c.category().label());
                totals.cell(t, 1, c.people());
                totals.cell(t, 2, c.days());
                money(totals, t, 3, c.amount());
            }
            t++;
            totals.cell(t, 0, Messages.t("allowance.total"));
            totals.cell(t, 1, roll.people());
            money(totals, t, 3, roll.total());
        });
    }

    private static void money(XlsxWriter.Sheet ws, int r, int c, BigDecimal v) {
        ws.money(r, c, v);
    }
}
