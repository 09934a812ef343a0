package org.huyou.donations;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files the ledger and disclosure services write. The writers live in {@code donations.io}, which reads the
 * ledger's records; they are handed in where the app is wired so that the services do not depend on their own io (no
 * cycle between them).
 */
public interface DonationPapers {

    /**
     * What a receipt says: the entry (a money donation, or goods received), its donor, its fund (money) or item
     * (goods), and for a reprint (补打) the day it was reprinted, else null.
     */
    record Receipt(
            String homeName,
            LedgerEntry entry,
            Donor donor,
            Fund fund,
            GoodsItem item,
            java.time.LocalDate reprintedOn) {}

    /** The printable receipt of a donation of money or goods, the donor's copy. */
    void receipt(Receipt receipt, Path file, Path font) throws IOException;

    /** A disclosure as a workbook and as a PDF, both or neither: when either cannot be written, neither is left. */
    void disclosure(Disclosure disclosure, Path xlsx, Path pdf, Path font) throws IOException;
}
