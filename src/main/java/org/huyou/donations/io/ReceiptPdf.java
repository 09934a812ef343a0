package org.huyou.donations.io;

import java.io.IOException;
import java.nio.file.Path;
import org.huyou.common.Messages;
import org.huyou.common.RmbUppercase;
import org.huyou.common.io.PdfText;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.security.Accounts;

/** The receipt a donor of money gets (捐赠收据): number, date, donor, amount in figures and in capitals, fund. */
public final class ReceiptPdf {

    private ReceiptPdf() {}

    public static void write(String homeName, LedgerEntry e, Donor donor, Fund fund, Path file, Path font)
            throws IOException {
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(homeName, 16);
            pdf.heading(Messages.t("receipt.title"), 14);
            pdf.line(Messages.t("receipt.no", e.receiptNo()));
            pdf.line(Messages.t("receipt.date", e.date().toString()));
            pdf.gap();
            pdf.line(Messages.t("receipt.donor", donor.name()));
            pdf.line(Messages.t("receipt.amount", DisclosurePdf.money(e.amount())));
            pdf.line(Messages.t("receipt.amountUpper", RmbUppercase.of(e.amount())));
            pdf.line(Messages.t("receipt.fund", fund.name(), fund.purpose().label()));
            pdf.line(Messages.t("receipt.channel", e.channel().label()));
            if (e.description() != null) {
                pdf.line(Messages.t("receipt.note", e.description()));
            }
            pdf.gap();
            pdf.line(Messages.t("receipt.thanks"));
            pdf.gap();
            pdf.line(Messages.t("receipt.handledBy", Accounts.displayName(e.createdBy())));
            pdf.line(Messages.t("receipt.check", e.seq(), e.hash().substring(0, 16)));
            pdf.save(file);
        }
    }
}
