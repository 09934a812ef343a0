package org.huyou.donations;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.common.UserFacingException;

/**
 * A verification code given out on a disclosure: the chain's last entry then and its hash. Outside the database (on
 * paper, on a notice board), it is what a rewritten chain or a cut-off tail cannot match. {@code disclosureId} and
 * the period name the disclosure it came from; a code typed in from paper has none.
 */
public record PublishedCode(
        Long disclosureId, LocalDate from, LocalDate to, LocalDateTime madeAt, long seq, String hash) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})\\s*-\\s*([0-9a-f]{64})");

    /** A code as printed ("seq-hash"), spaces and capitals forgiven; a code that is not one is the user's mistake. */
    public static PublishedCode parse(String code) {
        Matcher m = FORM.matcher(code == null ? "" : code.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UserFacingException("ledger.codeInvalid", code == null ? "" : code.strip());
        }
        return new PublishedCode(null, null, null, null, Long.parseLong(m.group(1)), m.group(2));
    }

    /** A code from the register of disclosures made. */
    public static PublishedCode of(long disclosureId, LocalDate from, LocalDate to, LocalDateTime madeAt, String code) {
        PublishedCode c = parse(code);
        return new PublishedCode(disclosureId, from, to, madeAt, c.seq(), c.hash());
    }

    public String code() {
        return seq + "-" + hash;
    }
}
