package org.huyou.donations.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import org.huyou.common.Coded;
import org.huyou.common.Messages;
import org.huyou.common.RmbUppercase;
import org.huyou.common.io.PdfText;
import org.huyou.donations.DonationPapers.Receipt;
import org.huyou.donations.LedgerEntry;
import org.huyou.security.Accounts;

/**
 * The receipt a donor gets (捐赠收据): number, date, donor; for money the amount in figures and in capitals and the
 * fund, for goods the item, quantity, unit and the estimated value where one was recorded. An official Chinese
 * document: Chinese whatever the screen's language, each line with its English beneath (an English screen printed
 * an English receipt for a Chinese donor). A reprint says so under the title, with its day, and keeps the number.
 */
public final class ReceiptPdf {

    private ReceiptPdf() {}

    public static void write(Receipt r, Path file, Path font) throws IOException {
        LedgerEntry e = r.entry();
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(r.homeName(), 16);
            pdf.heading(zh("receipt.title") + "  " + en("receipt.title"), 14);
            if (r.reprintedOn() != null) {
                both(pdf, "receipt.reprint", r.reprintedOn().toString());
            }
            both(pdf, "receipt.no", e.receiptNo());
            both(pdf, "receipt.date", e.date().toString());
            pdf.gap();
            both(pdf, "receipt.donor", r.donor().name());
            if (e.kind() == LedgerEntry.Kind.GOODS_IN) {
                goods(pdf, r);
            } else {
                money(pdf, r);
            }
            if (e.description() != null) {
                both(pdf, "receipt.note", e.description());
            }
            pdf.gap();
            both(pdf, "receipt.thanks");
            pdf.gap();
            both(pdf, "receipt.handledBy", Accounts.displayName(e.createdBy()));
            both(pdf, "receipt.check", e.seq(), e.hash().substring(0, 16));
            pdf.save(file);
        }
    }

    private static void money(PdfText pdf, Receipt r) throws IOException {
        LedgerEntry e = r.entry();
        both(pdf, "receipt.amount", DisclosurePdf.money(e.amount()));
        both(pdf, "receipt.amountUpper", RmbUppercase.of(e.amount()));
        pdf.line(Messages.in(
                Messages.CHINESE,
                "receipt.fund",
                r.fund().name(),
                label(Messages.CHINESE, r.fund().purpose())));
        pdf.line(Messages.in(
                Messages.ENGLISH,
                "receipt.fund",
                r.fund().name(),
                label(Messages.ENGLISH, r.fund().purpose())));
        pdf.line(Messages.in(Messages.CHINESE, "receipt.channel", label(Messages.CHINESE, e.channel())));
        pdf.line(Messages.in(Messages.ENGLISH, "receipt.channel", label(Messages.ENGLISH, e.channel())));
    }

    private static void goods(PdfText pdf, Receipt r) throws IOException {
        LedgerEntry e = r.entry();
        String quantity = e.quantity().stripTrailingZeros().toPlainString();
        both(pdf, "receipt.item", r.item().name());
        both(pdf, "receipt.quantity", quantity, r.item().unit());
        pdf.line(Messages.in(Messages.CHINESE, "receipt.condition", label(Messages.CHINESE, e.condition())));
        pdf.line(Messages.in(Messages.ENGLISH, "receipt.condition", label(Messages.ENGLISH, e.condition())));
        if (e.expiry() != null) {
            both(pdf, "receipt.expiry", e.expiry().toString());
        }
        BigDecimal value = e.goodsValue();
        if (value != null && value.signum() > 0) {
            both(pdf, "receipt.goodsValue", DisclosurePdf.money(value));
            both(pdf, "receipt.goodsValueUpper", RmbUppercase.of(value));
        } else {
            both(pdf, "receipt.noValue"); // nothing estimated: the receipt names no sum rather than ¥0.00
        }
    }

    /** The line in Chinese, and its English beneath. */
    private static void both(PdfText pdf, String key, Object... args) throws IOException {
        pdf.line(zh(key, args));
        pdf.line(en(key, args));
    }

    private static String zh(String key, Object... args) {
        return Messages.in(Messages.CHINESE, key, args);
    }

    private static String en(String key, Object... args) {
        return Messages.in(Messages.ENGLISH, key, args);
    }

    private static String label(Locale language, Coded c) {
        return Messages.in(language, c.labelPrefix() + "." + c.name());
    }
}
