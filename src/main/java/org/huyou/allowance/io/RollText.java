package org.huyou.allowance.io;

import org.huyou.allowance.Roll;
import org.huyou.common.Messages;
import org.huyou.common.Money;

/** How a roll line reads in a table or a workbook: its segments and its problems in the user's language. */
public final class RollText {

    private RollText() {}

    public static String segments(Roll.Line line) {
        return Messages.clauses(line.segments().stream()
                .map(s -> Messages.t(
                        "allowance.segment",
                        s.from().getDayOfMonth(),
                        s.to().getDayOfMonth(),
                        s.category() == null
                                ? Messages.t("allowance.noCategory")
                                : s.category().label(),
                        s.monthly() == null ? Messages.t("allowance.noStandard") : Money.amount(s.monthly())))
                .toList());
    }

    public static String problems(Roll.Line line) {
        return Messages.list(line.problems().stream().map(Roll.Problem::label).toList());
    }
}
