package org.huyou.donations.io;

import java.util.Arrays;
import java.util.List;
import org.huyou.common.Messages;

/** The headings of the public disclosure's tables, the same in its PDF and its workbook. */
final class DisclosureColumns {

    private DisclosureColumns() {}

    static List<String> funds() {
        return of("fund", "openingMoney", "receivedMoney", "usedMoney", "correctedMoney", "closingMoney");
    }

    static List<String> donors() {
        return of("donor", "amount", "count");
    }

    static List<String> uses() {
        return of("fund", "purpose", "amount", "count");
    }

    static List<String> goods() {
        return of("item", "unit", "opening", "received", "value", "issued", "corrected", "closing");
    }

    static List<String> corrections() {
        return of(
                "correctionDate", "reversed", "reversedDate", "kind", "subject", "donor", "correctedMoney", "quantity");
    }

    private static List<String> of(String... names) {
        return Arrays.stream(names).map(n -> Messages.t("disclosure.col." + n)).toList();
    }
}
