package org.huyou.openday;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.huyou.common.IdNumber;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;

/**
 * The demo home's open days: a year of sessions with schools, companies and associations visiting and individuals
 * walking in, each checked in with a slip; visitors older than the retention period already without their personal
 * data; the next session with bookings approved, pending and on the waiting list. Deterministic for a seed.
 */
public final class OpenDayDemo {

    private static final String[] GROUPS = {
        "滨城区实验小学", "滨州市第一中学", "中国银行滨州分行", "滨州市妇女联合会", "滨州学院青年志愿者协会", "滨州爱心企业联合会", "滨城区市东街道办事处"
    };
    private static final String[] PEOPLE = {"赵女士", "钱先生", "孙女士", "李先生", "周女士", "吴先生", "郑女士", "王先生"};

    private final BookingRepository bookings;
    private final VisitRepository visits;
    private final DemoPartWriter writer;

    public OpenDayDemo(BookingRepository bookings, VisitRepository visits, DemoPartWriter writer) {
        this.bookings = bookings;
        this.visits = visits;
        this.writer = writer;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(long seed, LocalDateTime moment) {
        Random rnd = new Random(seed * 13 + 5);
        OpenDayRule rule = OpenDayRule.DEFAULT;
        writer.write(moment, (today, now) -> {
            List<LocalDate> past = new ArrayList<>(rule.sessionDates(today.getYear() - 1));
            past.addAll(rule.sessionDates(today.getYear()));
            int n = 0;
            for (LocalDate d : past) {
                if (!d.isBefore(today) || d.isBefore(today.minusMonths(12))) {
                    continue;
                }
                for (OpenDayRule.Slot slot : rule.slots()) {
                    for (int g = 0; g < 1 + rnd.nextInt(2); g++) {
                        String org = GROUPS[rnd.nextInt(GROUPS.length)];
                        int count = 5 + rnd.nextInt(10);
                        String leader = PEOPLE[rnd.nextInt(PEOPLE.length)];
                        long b = groupBooking(
                                d,
                                slot.toString(),
                                org,
                                leader,
                                n,
                                count,
                                Booking.Status.APPROVED,
                                d.minusDays(10).atTime(9, 0),
                                now);
                        visit(d, slot, b, leader, org, count, n++, now);
                    }
                    for (int i = 0; i < rnd.nextInt(4); i++) {
                        visit(d, slot, null, PEOPLE[rnd.nextInt(PEOPLE.length)], null, 1, n++, now);
                    }
                }
            }
            visits.removePersonalData(today.minusDays(OpenDayService.DEFAULT_RETENTION_DAYS), now);
            LocalDate next = rule.nextSession(today.plusDays(1));
            String morning = rule.slots().get(0).toString();
            groupBooking(next, morning, GROUPS[0], "李老师", 900, 25, Booking.Status.APPROVED, now.minusDays(3), now);
            groupBooking(next, morning, GROUPS[3], "周女士", 901, 12, Booking.Status.WAITLISTED, now.minusDays(1), now);
            groupBooking(
                    next, rule.slots().get(1).toString(), GROUPS[2], "钱先生", 902, 8, Booking.Status.PENDING, now, now);
        });
    }

    /** A group's booking, as its leader asked for it at {@code asked}; its id. */
    private long groupBooking(
            LocalDate day,
            String slot,
            String group,
            String leader,
            int n,
            int count,
            Booking.Status status,
            LocalDateTime asked,
            LocalDateTime now) {
        return bookings.insert(
                new Booking(0, day, slot, Booking.Kind.GROUP, group, leader, phone(n), count, status, asked, 0),
                "demo",
                now);
    }

    private void visit(
            LocalDate d,
            OpenDayRule.Slot slot,
            Long booking,
            String name,
            String org,
            int count,
            int n,
            LocalDateTime now) {
        String first17 =
                "371602" + (1970 + n % 30) + "0" + (1 + n % 9) + "1" + (n % 9) + String.format("%03d", n % 1000);
        String slip = d.getYear() + "-" + String.format("%04d", visits.nextSlipNo(d.getYear()));
        visits.insert(
                new Visit(
                        0,
                        d,
                        slot.toString(),
                        booking,
                        name,
                        org,
                        Visit.DocumentType.ID_CARD,
                        first17 + IdNumber.checkDigit(first17),
                        phone(n),
                        count,
                        "前台",
                        slip,
                        d.atTime(slot.start()),
                        false),
                "demo");
    }

    private static String phone(int n) {
        return "137" + String.format("%08d", 3100000 + n * 53);
    }
}
