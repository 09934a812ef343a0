package org.huyou.donations.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.io.WriteBeside;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DonationPapers;

/** Receipts as PDF, disclosures as XLSX and PDF. */
public final class DonationPaperFiles implements DonationPapers {

    @Override
    public void receipt(Receipt receipt, Path file, Path font) throws IOException {
        ReceiptPdf.write(receipt, file, font);
    }

    /** Both or neither: a workbook posted without its PDF (or beside an older one) would be a different disclosure. */
    @Override
    public void disclosure(Disclosure disclosure, Path xlsx, Path pdf, Path font) throws IOException {
        WriteBeside.writeAll(List.of(
                new WriteBeside.Part(xlsx, staged -> DisclosureXlsx.write(disclosure, staged)),
                new WriteBeside.Part(pdf, staged -> DisclosurePdf.write(disclosure, staged, font))));
    }
}
