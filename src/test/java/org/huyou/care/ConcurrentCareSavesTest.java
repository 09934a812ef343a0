package org.huyou.care;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.care.daily.DailyCareChoices;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.care.medical.Medication;
import org.huyou.common.UserFacingException;
import org.huyou.security.Role;
import org.huyou.server.ResidentDrafts;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two caregivers saving at the same moment (two office PCs, or two windows on one): the load benchmark saw a group's
 * shift saved twice at once leave every child with two live entries of that shift, and the same dose recordable
 * twice. Each race is run many times with both saves released together.
 */
class ConcurrentCareSavesTest {

    private static final int ROUNDS = 15;

    @TempDir
    Path dir;

    AppContext ctx;
    ExecutorService pool;
    final List<Long> children = new ArrayList<>();

    @BeforeEach
    void open() {
        ctx = TestHome.open(dir);
        for (String name : List.of("王芳", "李明", "张华", "赵丽")) {
            children.add(ctx.residents()
                    .create(ResidentDrafts.draft(name, LocalDate.of(2015, 3, 1)))
                    .id());
        }
        TestHome.loginAs(ctx, "nurse", Role.CAREGIVER, Role.MEDICAL_STAFF);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        ctx.close();
    }

    @Test
    void aShiftSavedTwiceAtOnceLandsOnceAndTheOtherIsToldWhoSavedIt() throws Exception {
        DailyCareChoices.Shift shift = DailyCareChoices.Shift.DAY;
        for (int round = 0; round < ROUNDS; round++) {
            LocalDate date = TestHome.TODAY.minusDays(round);
            // both PCs showed the shift unsaved; each saves what it typed over nothing
            List<Integer> saved = both(who -> {
                try {
                    return ctx.dailyCare()
                            .recordShift(
                                    date,
                                    shift,
                                    children.stream()
                                            .map(id -> new DailyLogEntry(
                                                    null,
                                                    id,
                                                    date,
                                                    shift,
                                                    DailyCareChoices.Meals.ALL,
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    "记录 " + who,
                                                    null,
                                                    false))
                                            .toList());
                } catch (ShiftSavedMeanwhileException e) {
                    assertEquals(children.size(), e.current().size());
                    return 0;
                }
            });
            assertEquals(children.size(), saved.get(0) + saved.get(1), "round " + round + ": one lands " + saved);
            for (long child : children) {
                assertEquals(
                        1,
                        count(
                                "SELECT COUNT(*) FROM daily_care_log WHERE resident_id = ? AND log_date = ?",
                                child,
                                date),
                        "round " + round + ": one entry, the refused save wrote nothing");
            }
        }
    }

    @Test
    void aDoseRecordedTwiceAtOnceLandsOnceAndTheOtherIsToldItIsAlreadyRecorded() throws Exception {
        Medication.Order order = ctx.medication()
                .prescribe(children.get(0), "维生素D滴剂", "1粒", "08:00", TestHome.TODAY.minusDays(ROUNDS + 1), null, null);
        for (int round = 0; round < ROUNDS; round++) {
            LocalDateTime slot = TestHome.TODAY.minusDays(round).atTime(LocalTime.of(8, 0));
            List<Integer> landed = both(who -> {
                try {
                    ctx.medication().recordDose(order.id(), slot, Medication.Outcome.GIVEN, who);
                    return 1;
                } catch (UserFacingException e) {
                    assertEquals("medication.alreadyRecorded", e.messageKey());
                    return 0;
                }
            });
            assertEquals(1, landed.get(0) + landed.get(1), "round " + round + ": " + landed);
            assertEquals(
                    1,
                    count(
                            "SELECT COUNT(*) FROM medication_administration WHERE order_id = ? AND "
                                    + "scheduled_for = ?",
                            order.id(),
                            slot));
        }
    }

    private interface Save {
        int run(String who) throws Exception;
    }

    /** The same save from two threads, released together; their results in order. */
    private List<Integer> both(Save save) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (String who : List.of("A", "B")) {
            Callable<Integer> c = () -> {
                start.await();
                return save.run(who);
            };
            runs.add(pool.submit(c));
        }
        return List.of(runs.get(0).get(), runs.get(1).get());
    }

    private long count(String sql, Object... args) throws Exception {
        try (Connection c = DirectSql.connect(ctx);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
