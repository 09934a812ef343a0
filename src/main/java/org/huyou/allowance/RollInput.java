package org.huyou.allowance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.residents.Category;
import org.huyou.residents.ResidentStatus;
import org.huyou.transition.AdultAge;

/** What the roll reads of one resident: the register's facts, the status history and the category changes. */
public record RollInput(
        long residentId,
        String recordNo,
        String name,
        String idNumber,
        LocalDate birthDate,
        Category registerCategory,
        List<StatusOn> statuses,
        List<CategoryFrom> changes) {

    public record StatusOn(ResidentStatus status, LocalDate date) {}

    public record CategoryFrom(AllowanceCategory category, LocalDate from) {}

    /**
     * The stretches of days this resident is due the allowance, split where the category changes: in the home or in
     * family foster care, from the day they came (or came back) to the day they left, both counted, and not from the
     * 18th birthday on. Days without an allowance category (temporary guardianship) carry a null category: the roll
     * lists them as a problem rather than leaving the child out silently.
     */
    public List<Proration.Stay> stays(LocalDate until) {
        LocalDate lastChildDay = AdultAge.eighteenth(birthDate).minusDays(1);
        List<Proration.Stay> out = new ArrayList<>();
        LocalDate start = null;
        for (StatusOn s : statuses) {
            boolean inCare = AllowanceCategory.IN_CARE.contains(s.status());
            if (inCare && start == null) {
                start = s.date();
            } else if (!inCare && start != null) {
                split(start, min(s.date(), lastChildDay), out);
                start = null;
            }
        }
        if (start != null) {
            split(start, min(until, lastChildDay), out);
        }
        return out;
    }

    private void split(LocalDate from, LocalDate to, List<Proration.Stay> out) {
        LocalDate d = from;
        while (!d.isAfter(to)) {
            AllowanceCategory cat = categoryOn(d);
            LocalDate end = to;
            for (CategoryFrom c : changes) {
                if (c.from().isAfter(d) && !c.from().isAfter(to)) {
                    end = c.from().minusDays(1);
                    break;
                }
            }
            out.add(new Proration.Stay(d, end, cat));
            d = end.plusDays(1);
        }
    }

    /** The category on a day: the latest change effective by then, else the register's category mapped. */
    public AllowanceCategory categoryOn(LocalDate day) {
        AllowanceCategory cat = AllowanceCategory.fromRegister(registerCategory).orElse(null);
        for (CategoryFrom c : changes) {
            if (!c.from().isAfter(day)) {
                cat = c.category();
            }
        }
        return cat;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
