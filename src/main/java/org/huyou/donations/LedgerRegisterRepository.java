package org.huyou.donations;

import static org.huyou.db.generated.Tables.DONOR;
import static org.huyou.db.generated.Tables.FUND;
import static org.huyou.db.generated.Tables.GOODS_ITEM;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.huyou.common.Pinyin;
import org.huyou.db.Like;
import org.huyou.db.generated.tables.records.DonorRecord;
import org.huyou.db.generated.tables.records.FundRecord;
import org.huyou.db.generated.tables.records.GoodsItemRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The ledger's registers: donors (found by name, pinyin or initials), funds and goods items. */
public final class LedgerRegisterRepository {

    private final DSLContext dsl;

    public LedgerRegisterRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insertDonor(Donor d, String actor, LocalDateTime now) {
        var t = DONOR;
        return dsl.insertInto(t)
                .set(t.KIND, d.kind().name())
                .set(t.NAME, d.name())
                .set(t.NAMING, d.naming().name())
                .set(t.PHONE, d.phone())
                .set(t.ADDRESS, d.address())
                .set(t.CONTACT_PERSON, d.contactPerson())
                .set(t.NOTE, d.note())
                .set(t.NAME_PINYIN, Pinyin.full(d.name()))
                .set(t.NAME_INITIALS, Pinyin.initials(d.name()))
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    public Optional<Donor> donor(long id) {
        return dsl.selectFrom(DONOR).where(DONOR.ID.eq(id)).fetchOptional(LedgerRegisterRepository::donor);
    }

    /**
     * The donors found by what was typed, at most {@code limit}: part of the name (any letters), and for Latin letters
     * also the start of the name's pinyin or initials (binzhou, bz → 滨州…; spaces between syllables ignored). The
     * anonymous donor first, then in pinyin order; with nothing typed, the first page of them all.
     */
    public List<Donor> donors(String query, int limit) {
        var t = DONOR;
        String q = query == null ? "" : query.strip();
        Condition where = DSL.noCondition();
        if (!q.isEmpty()) {
            where = Like.containsIgnoreCase(t.NAME, q);
            String letters = q.replace(" ", "").toLowerCase(Locale.ROOT);
            if (Pinyin.looksLikePinyin(letters)) {
                where = where.or(Like.prefix(t.NAME_PINYIN, letters)).or(Like.prefix(t.NAME_INITIALS, letters));
            }
        }
        return dsl.selectFrom(t)
                .where(where)
                .orderBy(DSL.when(t.KIND.eq(Donor.Kind.ANONYMOUS.name()), 0).otherwise(1), t.NAME_PINYIN, t.NAME, t.ID)
                .limit(limit)
                .fetch(LedgerRegisterRepository::donor);
    }

    /** The names of these donors by id (bound, a few hundred at a time): the ledger list's donor column. */
    public Map<Long, String> donorNames(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < all.size(); i += 500) {
            dsl.select(DONOR.ID, DONOR.NAME)
                    .from(DONOR)
                    .where(DONOR.ID.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** These donors by id (bound, a few hundred at a time): the disclosure's public names. */
    public Map<Long, Donor> donorsById(Collection<Long> ids) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Donor> out = new HashMap<>();
        for (int i = 0; i < all.size(); i += 500) {
            dsl.selectFrom(DONOR)
                    .where(DONOR.ID.in(all.subList(i, Math.min(all.size(), i + 500))))
                    .forEach(r -> out.put(r.getId(), donor(r)));
        }
        return out;
    }

    /** The donors with one of these names (bound, a few hundred at a time): an import's check for donors known. */
    public List<Donor> donorsNamed(List<String> names) {
        List<Donor> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i += 500) {
            out.addAll(dsl.selectFrom(DONOR)
                    .where(DONOR.NAME.in(names.subList(i, Math.min(names.size(), i + 500))))
                    .fetch(LedgerRegisterRepository::donor));
        }
        return out;
    }

    public long insertFund(String name, boolean restricted, Fund.Purpose purpose, String actor, LocalDateTime now) {
        var f = FUND;
        return dsl.insertInto(f)
                .set(f.NAME, name)
                .set(f.RESTRICTED, restricted)
                .set(f.PURPOSE, purpose.name())
                .set(f.CREATED_AT, now)
                .set(f.CREATED_BY, actor)
                .returning(f.ID)
                .fetchOne(f.ID);
    }

    public List<Fund> funds() {
        return dsl.selectFrom(FUND).orderBy(FUND.ID).fetch(LedgerRegisterRepository::fund);
    }

    public Optional<Fund> fund(long id) {
        return dsl.selectFrom(FUND).where(FUND.ID.eq(id)).fetchOptional(LedgerRegisterRepository::fund);
    }

    public long itemFor(String name, String unit, GoodsItem.Category category, String actor, LocalDateTime now) {
        var g = GOODS_ITEM;
        return dsl.select(g.ID)
                .from(g)
                .where(g.NAME.eq(name))
                .and(g.UNIT.eq(unit))
                .fetchOptional(g.ID)
                .orElseGet(() -> dsl.insertInto(g)
                        .set(g.NAME, name)
                        .set(g.UNIT, unit)
                        .set(g.CATEGORY, category.name())
                        .set(g.CREATED_AT, now)
                        .set(g.CREATED_BY, actor)
                        .returning(g.ID)
                        .fetchOne(g.ID));
    }

    public List<GoodsItem> items() {
        return dsl.selectFrom(GOODS_ITEM).orderBy(GOODS_ITEM.NAME).fetch(LedgerRegisterRepository::item);
    }

    public Optional<GoodsItem> item(long id) {
        return dsl.selectFrom(GOODS_ITEM).where(GOODS_ITEM.ID.eq(id)).fetchOptional(LedgerRegisterRepository::item);
    }

    private static Donor donor(DonorRecord r) {
        return new Donor(
                r.getId(),
                Donor.Kind.valueOf(r.getKind()),
                r.getName(),
                Donor.Naming.valueOf(r.getNaming()),
                r.getPhone(),
                r.getAddress(),
                r.getContactPerson(),
                r.getNote(),
                r.getVersion());
    }

    private static Fund fund(FundRecord r) {
        // shown, not stored: no fund's name is written back from a Fund
        return new Fund(
                r.getId(),
                Fund.shownName(r.getName()),
                r.getRestricted(),
                Fund.Purpose.valueOf(r.getPurpose()),
                r.getActive());
    }

    private static GoodsItem item(GoodsItemRecord r) {
        return new GoodsItem(r.getId(), r.getName(), r.getUnit(), GoodsItem.Category.valueOf(r.getCategory()));
    }
}
