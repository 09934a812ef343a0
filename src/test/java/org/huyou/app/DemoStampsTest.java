package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.huyou.testing.TestHome;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo home loaded early in the morning: no record of it is stamped later than the clock (the shift log said
 * "已保存：示例数据 12:00" at 09:00, and a save made then seemed not to replace it).
 */
class DemoStampsTest {

    @TempDir
    Path dir;

    @Test
    void noDemoRecordIsStampedLaterThanTheClock() {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        LocalDateTime morning = TestHome.TODAY.atTime(8, 5);
        Clock clock = Clock.fixed(morning.atZone(china).toInstant(), china);
        try (AppContext ctx = TestHome.open(dir, clock)) {
            ctx.loadDemo(12, 7);
            DSLContext dsl = ctx.database().dsl();
            List<String> later = new ArrayList<>();
            List<String> checked = new ArrayList<>();
            // the demo's own rows (made by "demo"); rows the setup writes carry the wall clock of the migration
            for (var column : dsl.fetch("select c.table_name, c.column_name from information_schema.columns c "
                    + "where upper(c.table_schema) = 'PUBLIC' and upper(c.column_name) in ('CREATED_AT', 'UPDATED_AT') "
                    + "and exists (select 1 from information_schema.columns b where upper(b.table_schema) = 'PUBLIC' "
                    + "and b.table_name = c.table_name and upper(b.column_name) = 'CREATED_BY')")) {
                String table = column.get(0, String.class);
                String name = column.get(1, String.class);
                Object max = dsl.fetchValue("select max(" + name + ") from " + table + " where created_by = 'demo'");
                checked.add(table);
                if (max instanceof java.sql.Timestamp t && t.toLocalDateTime().isAfter(morning)) {
                    later.add(table + "." + name + " " + t);
                } else if (max instanceof LocalDateTime t && t.isAfter(morning)) {
                    later.add(table + "." + name + " " + t);
                } else if (max instanceof java.time.OffsetDateTime t
                        && t.atZoneSameInstant(china).toLocalDateTime().isAfter(morning)) {
                    later.add(table + "." + name + " " + t);
                }
            }
            assertFalse(checked.isEmpty(), "the tables were read");
            assertEquals(List.of(), later, "stamped after " + morning);
        }
    }

    /**
     * A real clock has nanoseconds. The demo loaded at 03:25:07.123456789 hashed its payments with them and stored
     * them without: the fresh home's ledger failed its check ("第 6 号分录内容与其哈希不符").
     */
    @Test
    void theDemoLoadedAtAnOddMomentKeepsBothChainsWhole() {
        ZoneId china = ZoneId.of("Asia/Shanghai");
        LocalDateTime early = TestHome.TODAY.atTime(3, 25, 7, 123_456_789);
        Clock clock = Clock.fixed(early.atZone(china).toInstant(), china);
        try (AppContext ctx = TestHome.open(dir, clock)) {
            ctx.loadDemo(12, 7);
            var ledger =
                    DemoAllOrNothingTest.asEveryRole(ctx, () -> ctx.ledger().verify());
            assertTrue(ledger.entries() > 20, "the demo wrote its ledger");
            assertTrue(ledger.ok(), () -> "the ledger verifies: " + ledger.describe());
            assertTrue(ctx.audit().verifyChain().ok(), "the audit chain verifies");
        }
    }
}
