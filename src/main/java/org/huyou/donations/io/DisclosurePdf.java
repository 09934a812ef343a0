package org.huyou.donations.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.io.PdfText;
import org.huyou.donations.Disclosure;

/** The disclosure as a PDF for posting: the same tables as the workbook, amounts with two decimals. */
public final class DisclosurePdf {

    private DisclosurePdf() {}

    public static void write(Disclosure d, Path file, Path font) throws IOException {
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(Messages.t("disclosure.title", d.homeName()), 16);
            pdf.line(Messages.t("disclosure.period", d.from().toString(), d.to().toString()));
            pdf.line(Messages.t("disclosure.madeAt", d.madeAt().toString().replace('T', ' ')));
            pdf.gap();
            pdf.heading(Messages.t("disclosure.sheet.funds"), 12);
            List<List<String>> funds = new ArrayList<>(d.funds().stream()
                    .map(f -> List.of(
                            f.fund(),
                            money(f.opening()),
                            money(f.received()),
                            money(f.used()),
                            money(f.corrected()),
                            money(f.closing())))
                    .toList());
            Disclosure.FundLine t = d.total();
            funds.add(List.of(
                    Messages.t("disclosure.total"),
                    money(t.opening()),
                    money(t.received()),
                    money(t.used()),
                    money(t.corrected()),
                    money(t.closing())));
            pdf.table(DisclosureColumns.funds(), funds, new float[] {115, 80, 80, 80, 80, 80}, new boolean[] {
                false, true, true, true, true, true
            });
            pdf.heading(Messages.t("disclosure.sheet.donors"), 12);
            pdf.table(
                    DisclosureColumns.donors(),
                    d.donors().stream()
                            .map(l -> List.of(l.publicName(), money(l.amount()), String.valueOf(l.donations())))
                            .toList(),
                    new float[] {250, 120, 80},
                    new boolean[] {false, true, true});
            pdf.heading(Messages.t("disclosure.sheet.uses"), 12);
            pdf.table(
                    DisclosureColumns.uses(),
                    d.uses().stream()
                            .map(u -> List.of(
                                    u.fund(), u.purpose().label(), money(u.amount()), String.valueOf(u.payments())))
                            .toList(),
                    new float[] {150, 120, 120, 80},
                    new boolean[] {false, false, true, true});
            pdf.heading(Messages.t("disclosure.sheet.goods"), 12);
            pdf.table(
                    DisclosureColumns.goods(),
                    d.goods().stream()
                            .map(g -> List.of(
                                    g.item(),
                                    g.unit(),
                                    qty(g.opening()),
                                    qty(g.received()),
                                    money(g.value()),
                                    qty(g.issued()),
                                    qty(g.corrected()),
                                    qty(g.closing())))
                            .toList(),
                    new float[] {95, 35, 55, 55, 75, 55, 60, 60},
                    new boolean[] {false, false, true, true, true, true, true, true});
            if (!d.corrections().isEmpty()) {
                pdf.heading(Messages.t("disclosure.sheet.corrections"), 12);
                pdf.line(Messages.t("disclosure.correctionsHelp"));
                pdf.table(
                        DisclosureColumns.corrections(),
                        d.corrections().stream().map(DisclosurePdf::correction).toList(),
                        new float[] {62, 40, 62, 58, 80, 80, 70, 58},
                        new boolean[] {false, true, false, false, false, false, true, true});
            }
            pdf.heading(Messages.t("disclosure.verificationTitle"), 12);
            pdf.line(d.verificationCode());
            pdf.line(Messages.t("disclosure.verificationHelp"));
            pdf.line(Messages.t("disclosure.howToCheck", d.verificationCode()));
            pdf.save(file);
        }
    }

    private static List<String> correction(Disclosure.CorrectionLine c) {
        return List.of(
                c.date().toString(),
                String.valueOf(c.reversedSeq()),
                c.reversedDate().toString(),
                c.reversedKind().label(),
                c.subject(),
                c.donor(),
                c.money() ? money(c.amount()) : "",
                c.money() ? "" : qty(c.quantity()) + " " + c.unit());
    }

    static String money(BigDecimal v) {
        return Money.amount(v);
    }

    private static String qty(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
