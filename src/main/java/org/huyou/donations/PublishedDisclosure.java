package org.huyou.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.huyou.common.Messages;
import org.huyou.security.Accounts;

/**
 * A disclosure in the register of those made: its period, who made it when, its files, code and totals. A corrected
 * re-publication of a period names the disclosure it supersedes and the reason ({@code null} for publications made
 * twice before re-publishing asked for one); {@code supersededBy} names the one that replaced it, if any.
 */
public record PublishedDisclosure(
        long id,
        LocalDate from,
        LocalDate to,
        LocalDateTime madeAt,
        String madeBy,
        String xlsx,
        String pdf,
        String verificationCode,
        BigDecimal received,
        BigDecimal used,
        Long supersedes,
        String correctionReason,
        Long supersededBy) {

    public boolean superseded() {
        return supersededBy != null;
    }

    /** "the disclosure of 2026-07-01 to 2026-09-30 (published 2026-10-08 09:00 by yz)", corrected ones said so. */
    public String describe() {
        String made = madeAt.toString().replace('T', ' ');
        String by = Accounts.displayName(madeBy); // the name colleagues know, not the login
        return supersedes == null
                ? Messages.t("disclosure.described", from, to, made, by)
                : Messages.t("disclosure.describedCorrection", from, to, made, by, supersedes);
    }

    /** Several described in one phrase, as a code's check names every disclosure that printed it. */
    public static String describe(List<PublishedDisclosure> published) {
        return published.stream()
                .map(PublishedDisclosure::describe)
                .collect(Collectors.joining(Messages.t("common.listSeparator")));
    }
}
