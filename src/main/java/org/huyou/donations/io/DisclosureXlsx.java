package org.huyou.donations.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.io.WriteBeside;
import org.huyou.common.io.XlsxWriter;
import org.huyou.donations.Disclosure;

/** The disclosure as a workbook: one sheet per table, amounts as real number cells with two decimals. */
public final class DisclosureXlsx {

    private DisclosureXlsx() {}

    public static void write(Disclosure d, Path file) throws IOException {
        WriteBeside.write(file, partial -> workbook(d, partial));
    }

    private static void workbook(Disclosure d, Path partial) throws IOException {
        XlsxWriter.write(partial, wb -> {
            XlsxWriter.Sheet summary = wb.sheet(Messages.t("disclosure.sheet.funds"));
            int r = header(summary, d);
            r = row(summary, r, DisclosureColumns.funds());
            for (Disclosure.FundLine f : d.funds()) {
                r = row(summary, r, List.of(f.fund(), f.opening(), f.received(), f.used(), f.corrected(), f.closing()));
            }
            Disclosure.FundLine t = d.total();
            row(
                    summary,
                    r,
                    List.of(
                            Messages.t("disclosure.total"),
                            t.opening(),
                            t.received(),
                            t.used(),
                            t.corrected(),
                            t.closing()));

            XlsxWriter.Sheet donors = wb.sheet(Messages.t("disclosure.sheet.donors"));
            r = row(donors, 0, DisclosureColumns.donors());
            for (Disclosure.DonorLine l : d.donors()) {
                r = row(donors, r, List.of(l.publicName(), l.amount(), l.donations()));
            }

            XlsxWriter.Sheet uses = wb.sheet(Messages.t("disclosure.sheet.uses"));
            r = row(uses, 0, DisclosureColumns.uses());
            for (Disclosure.UseLine u : d.uses()) {
                r = row(uses, r, List.of(u.fund(), u.purpose().label(), u.amount(), u.payments()));
            }

            XlsxWriter.Sheet goods = wb.sheet(Messages.t("disclosure.sheet.goods"));
            r = row(goods, 0, DisclosureColumns.goods());
            for (Disclosure.GoodsLine g : d.goods()) {
                r = row(
                        goods,
                        r,
                        List.of(
                                g.item(),
                                g.unit(),
                                g.opening(),
                                g.received(),
                                g.value(),
                                g.issued(),
                                g.corrected(),
                                g.closing()));
            }

            // always a sheet, empty under its header when the period corrects nothing: a reader need not guess
            XlsxWriter.Sheet corrections = wb.sheet(Messages.t("disclosure.sheet.corrections"));
            r = row(corrections, 0, DisclosureColumns.corrections());
            for (Disclosure.CorrectionLine c : d.corrections()) {
                r = row(
                        corrections,
                        r,
                        List.of(
                                c.date().toString(),
                                c.reversedSeq(),
                                c.reversedDate().toString(),
                                c.reversedKind().label(),
                                c.subject(),
                                c.donor(),
                                c.money() ? c.amount() : "",
                                c.money() ? "" : c.quantity()));
            }
        });
    }

    private static int header(XlsxWriter.Sheet ws, Disclosure d) {
        ws.text(0, 0, Messages.t("disclosure.title", d.homeName()));
        ws.text(1, 0, Messages.t("disclosure.period", d.from().toString(), d.to().toString()));
        ws.text(2, 0, Messages.t("disclosure.verification", d.verificationCode()));
        return 4;
    }

    /** Amounts (BigDecimal) as money, counts as numbers, the rest as text. */
    private static int row(XlsxWriter.Sheet ws, int r, List<?> cells) {
        return ws.row(r, cells);
    }
}
