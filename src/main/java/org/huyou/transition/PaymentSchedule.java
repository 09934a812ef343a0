package org.huyou.transition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The money a pathway brings, as dated payments: the one-time resettlement subsidy (and a city top-up) at the 18th
 * birthday for socialized placement; for continuing education one grant per academic year (September to August),
 * from the year in which the resident turns 18 to the one in which they graduate, due on 1 September (or the
 * birthday, for the first year when it falls later).
 */
public final class PaymentSchedule {

    private PaymentSchedule() {}

    /** A payment to create: kind, label (the academic year for grants), due date, amount. */
    public record Line(Payment.Kind kind, String label, LocalDate dueOn, BigDecimal amount) {}

    public static List<Line> lines(
            Pathway pathway,
            LocalDate eighteenth,
            LocalDate graduation,
            BigDecimal subsidy,
            BigDecimal cityTopUp,
            BigDecimal grantPerYear) {
        List<Line> out = new ArrayList<>();
        if (pathway == Pathway.SOCIALIZED) {
            out.add(new Line(Payment.Kind.SUBSIDY, "", eighteenth, subsidy));
            if (cityTopUp != null && cityTopUp.signum() > 0) {
                out.add(new Line(Payment.Kind.TOP_UP, "", eighteenth, cityTopUp));
            }
        }
        if (pathway == Pathway.CONTINUING_EDUCATION && graduation != null) {
            for (int y = academicYear(eighteenth); y <= academicYear(graduation); y++) {
                LocalDate start = LocalDate.of(y, 9, 1);
                out.add(new Line(
                        Payment.Kind.GRANT,
                        y + "-" + (y + 1),
                        start.isBefore(eighteenth) ? eighteenth : start,
                        grantPerYear));
            }
        }
        return out;
    }

    /** The calendar year in which the academic year containing the day began (September to August). */
    public static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }

    public static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
