package org.huyou.bench;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.app.AppContext;
import org.huyou.app.DirectSql;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerHash;

/** The director's disclosure of the last year and the chain's verification, with their raw baselines. */
final class LedgerBench {

    private final AppContext ctx;
    private final LocalDate to = LocalDate.now();
    private final LocalDate from = to.minusYears(1);

    LedgerBench(AppContext ctx) {
        this.ctx = ctx;
    }

    /** The correction's reason of each timed re-publication: words, as the service asks of any correction. */
    private static final String REPUBLISHED = "基准测试：同一期间再次发布";

    Stats disclosure(int reps) {
        Path dir = Path.of("target", "bench", "out").toAbsolutePath();
        // a period is published once; each timed repetition after the first is a corrected re-publication
        return Stats.time(
                1,
                reps,
                () -> ctx.disclosures()
                        .export(from, to, dir, ctx.disclosures().published().isEmpty() ? null : REPUBLISHED));
    }

    /** Reading the period's rows, every column, over JDBC: what any disclosure must at least do. */
    Stats readYear(int reps) throws Exception {
        try (Connection c = DirectSql.connect(ctx)) {
            return Stats.time(
                    1,
                    reps,
                    () -> readAll(
                            c,
                            "SELECT * FROM ledger_entry WHERE entry_date BETWEEN ? AND ? " + "ORDER BY seq",
                            from,
                            to));
        }
    }

    /** Every column of every row a query returns, read and dropped. */
    private static void readAll(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        rs.getObject(i);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What opening the ledger screen does in the background: LedgerViewModel's load (donors, funds, the newest 300
     * entries, stock, expiring goods), the funds tab's (balances, the approval list with each fund's balance, the
     * twelve months' totals, the closed months, the approval limit), the disclosure tab's (the register, what is due,
     * the schedule), and the chain after the last checkpoint with every published code. A full verification
     * beforehand (untimed) leaves the checkpoint at the head, as the last opening or 重新校验 does.
     */
    Stats openLedgerScreen(int reps) {
        checkpointAtHead();
        return Stats.time(1, reps, () -> {
            loadLists();
            checkSinceCheckpoint();
        });
    }

    /** The two halves of the opening apart: the chain since the checkpoint... */
    Stats sinceCheckpoint(int reps) {
        checkpointAtHead();
        return Stats.time(1, reps, this::checkSinceCheckpoint);
    }

    /** ...and the lists. */
    Stats screenLists(int reps) {
        return Stats.time(1, reps, this::loadLists);
    }

    private void checkpointAtHead() {
        if (!ctx.ledger().verify().ok()) {
            throw new IllegalStateException("the generated chain does not verify");
        }
    }

    /** Each load of the opening by its name, in the order the screen starts them. */
    java.util.Map<String, Runnable> parts() {
        java.util.Map<String, Runnable> p = new java.util.LinkedHashMap<>();
        // the donors: only the names the newest entries show (the forms' pickers ask as the user types); the ids
        // come from the entries the screen reads anyway
        p.put("donors", () -> ctx.ledger().donorNames(newestDonorIds()));
        p.put("funds", () -> ctx.ledger().funds());
        p.put("newest 300 entries", () -> ctx.ledger().entries(Long.MAX_VALUE, 300));
        p.put("stock", () -> ctx.ledger().stock(null));
        p.put("expiring goods", () -> ctx.ledger().expiringGoods());
        p.put("fund balances", () -> ctx.ledger().balances(null));
        p.put("approval list", () -> ctx.ledger().requestLines());
        p.put("twelve months' totals", () -> ctx.ledger().lastTwelveMonths());
        p.put("closed months, limit", () -> {
            ctx.ledger().closedPeriods();
            ctx.ledger().approvalLimit();
        });
        p.put("disclosure tab", () -> {
            ctx.disclosures().published();
            ctx.disclosures().due();
            ctx.disclosures().schedule();
        });
        return p;
    }

    /**
     * What a donor picker asks as the user types, once the screen is open: a page of the donors found by pinyin
     * initials, by full pinyin, by part of the name, and the first page of all (the picker opened untyped).
     */
    Stats donorSearch(int reps) {
        return Stats.time(1, reps, () -> {
            for (String typed : List.of("z", "zh", "zhang", "wang", "李", "")) {
                ctx.ledger().donors(typed, 50);
            }
        });
    }

    /** The same searches' rows in hand-written SQL over JDBC (pinyin and initials prefixes, name part, ordered). */
    Stats donorSearchSql(int reps) throws Exception {
        try (Connection c = DirectSql.connect(ctx)) {
            String sql = "SELECT * FROM donor WHERE LOWER(name) LIKE ? OR name_pinyin LIKE ? OR name_initials LIKE ? "
                    + "ORDER BY CASE WHEN kind = 'ANONYMOUS' THEN 0 ELSE 1 END, name_pinyin, name, id LIMIT 50";
            return Stats.time(1, reps, () -> {
                for (String typed : List.of("z", "zh", "zhang", "wang", "李", "")) {
                    readAll(c, sql, "%" + typed + "%", typed + "%", typed + "%");
                }
            });
        }
    }

    private List<Long> newestDonorIds;

    private List<Long> newestDonorIds() {
        if (newestDonorIds == null) {
            newestDonorIds = ctx.ledger().entries(Long.MAX_VALUE, 300).stream()
                    .map(LedgerEntry::donorId)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }
        return newestDonorIds;
    }

    /** One part of the opening alone. */
    Stats part(String name, int reps) {
        return Stats.time(1, reps, parts().get(name));
    }

    private void loadLists() {
        parts().values().forEach(Runnable::run);
    }

    private void checkSinceCheckpoint() {
        if (!ctx.ledger().verifySinceCheckpoint().ok()) {
            throw new IllegalStateException("the generated chain does not verify");
        }
    }

    /** Reading the newest 300 entries over JDBC, every column: what any ledger list must at least do. */
    Stats readNewest(int reps) throws Exception {
        try (Connection c = DirectSql.connect(ctx)) {
            return Stats.time(1, reps, () -> readAll(c, "SELECT * FROM ledger_entry ORDER BY seq DESC LIMIT 300"));
        }
    }

    Stats verify(int reps) {
        return Stats.time(1, reps, () -> {
            if (!ctx.ledger().verify().ok()) {
                throw new IllegalStateException("the generated chain does not verify");
            }
        });
    }

    /**
     * Reading every row of the chain over JDBC in one thread, as the app reads it (H2's lazy execution), nothing
     * hashed: the floor an encrypted file sets, where the SHA-256 loop below leaves the reading out.
     */
    Stats readChain(int reps) throws Exception {
        try (Connection c = DirectSql.connect(ctx)) {
            try (var st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            return Stats.time(1, reps, () -> readAll(c, "SELECT * FROM ledger_entry ORDER BY seq"));
        }
    }

    /** SHA-256 over exactly the bytes the chain hashes (read beforehand, untimed), in a plain loop. */
    Stats hashLoop(int reps) throws Exception {
        List<byte[]> contents = new ArrayList<>();
        try (Connection c = DirectSql.connect(ctx);
                ResultSet rs = c.createStatement().executeQuery("SELECT * FROM ledger_entry ORDER BY seq")) {
            while (rs.next()) {
                contents.add(LedgerHash.content(entry(rs)));
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return Stats.time(1, reps, () -> {
            for (byte[] b : contents) {
                sha.digest(b);
            }
        });
    }

    private static LedgerEntry entry(ResultSet rs) throws java.sql.SQLException {
        return LedgerEntry.builder()
                .seq(rs.getLong("seq"))
                .date(rs.getObject("entry_date", LocalDate.class))
                .kind(LedgerEntry.Kind.valueOf(rs.getString("kind")))
                .fundId((Long) rs.getObject("fund_id", Long.class))
                .amount(rs.getBigDecimal("amount"))
                .donorId(rs.getObject("donor_id", Long.class))
                .channel(e(LedgerEntry.Channel.class, rs.getString("channel")))
                .purpose(e(Fund.Purpose.class, rs.getString("purpose")))
                .description(rs.getString("description"))
                .receiptNo(rs.getString("receipt_no"))
                .payee(rs.getString("payee"))
                .voucherNo(rs.getString("voucher_no"))
                .approvedBy(rs.getString("approved_by"))
                .itemId(rs.getObject("item_id", Long.class))
                .quantity(rs.getBigDecimal("quantity"))
                .goodsValue(rs.getBigDecimal("goods_value"))
                .condition(e(LedgerEntry.Condition.class, rs.getString("goods_condition")))
                .expiry(rs.getObject("expiry_date", LocalDate.class))
                .issuedTo(e(LedgerEntry.IssuedTo.class, rs.getString("issued_to")))
                .reversesSeq(rs.getObject("reverses_seq", Long.class))
                .createdAt(rs.getObject("created_at", java.time.LocalDateTime.class))
                .createdBy(rs.getString("created_by"))
                .prevHash(rs.getString("prev_hash"))
                .hash(rs.getString("hash"))
                .chainVersion(rs.getInt("chain_version"))
                .build();
    }

    private static <E extends Enum<E>> E e(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
