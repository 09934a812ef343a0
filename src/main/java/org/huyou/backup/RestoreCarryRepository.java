package org.huyou.backup;

import static org.huyou.db.generated.Tables.DISCLOSURE;
import static org.huyou.db.generated.Tables.NUMBER_FLOOR;
import static org.huyou.db.generated.Tables.RECEIPT_COUNTER;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.SLIP_COUNTER;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huyou.db.generated.tables.records.DisclosureRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What a restore of an older backup must not take back, read from the database it replaced (kept aside, the one that
 * gave these out) and written into the restored one: every number issued (receipt numbers, open-day slip numbers,
 * resident record numbers), so none is given twice, and every disclosure published, so its period stays closed and
 * the ledger's check names the entries the restore lost.
 */
final class RestoreCarryRepository {

    private static final String RECORD_NO = org.huyou.residents.ResidentRepository.RECORD_NO_FLOOR;

    private static final Pattern RECORD_NUMBER = Pattern.compile("(\\d{4}-)(\\d+)");

    private final DSLContext here;
    private final DSLContext replaced;

    RestoreCarryRepository(DSLContext here, Connection replaced) {
        this.here = here;
        this.replaced = DSL.using(replaced, SQLDialect.H2);
    }

    /** A number series raised: its name, the year or prefix, the last number the restored database had and now has. */
    record Raised(String kind, String scope, int was, int now) {}

    /** A disclosure published before the restore that the backup did not have, put back in the register. */
    record PutBack(long id, String period, String code) {}

    /** Raises each counter of the restored database to what the replaced one had given out. */
    List<Raised> raiseNumbers() {
        List<Raised> out = new ArrayList<>();
        for (var r : replaced.selectFrom(RECEIPT_COUNTER).fetch()) {
            int year = r.getReceiptYear();
            Integer was = here.select(RECEIPT_COUNTER.LAST_NO)
                    .from(RECEIPT_COUNTER)
                    .where(RECEIPT_COUNTER.RECEIPT_YEAR.eq(year))
                    .fetchOne(RECEIPT_COUNTER.LAST_NO);
            if (was == null) {
                here.insertInto(RECEIPT_COUNTER)
                        .set(RECEIPT_COUNTER.RECEIPT_YEAR, year)
                        .set(RECEIPT_COUNTER.LAST_NO, r.getLastNo())
                        .execute();
            } else if (was < r.getLastNo()) {
                here.update(RECEIPT_COUNTER)
                        .set(RECEIPT_COUNTER.LAST_NO, r.getLastNo())
                        .where(RECEIPT_COUNTER.RECEIPT_YEAR.eq(year))
                        .execute();
            }
            if (was == null || was < r.getLastNo()) {
                out.add(new Raised("receipt", String.valueOf(year), was == null ? 0 : was, r.getLastNo()));
            }
        }
        for (var r : replaced.selectFrom(SLIP_COUNTER).fetch()) {
            int year = r.getSlipYear();
            Integer was = here.select(SLIP_COUNTER.LAST_NO)
                    .from(SLIP_COUNTER)
                    .where(SLIP_COUNTER.SLIP_YEAR.eq(year))
                    .fetchOne(SLIP_COUNTER.LAST_NO);
            if (was == null) {
                here.insertInto(SLIP_COUNTER)
                        .set(SLIP_COUNTER.SLIP_YEAR, year)
                        .set(SLIP_COUNTER.LAST_NO, r.getLastNo())
                        .execute();
            } else if (was < r.getLastNo()) {
                here.update(SLIP_COUNTER)
                        .set(SLIP_COUNTER.LAST_NO, r.getLastNo())
                        .where(SLIP_COUNTER.SLIP_YEAR.eq(year))
                        .execute();
            }
            if (was == null || was < r.getLastNo()) {
                out.add(new Raised("slip", String.valueOf(year), was == null ? 0 : was, r.getLastNo()));
            }
        }
        for (Map.Entry<String, Integer> e : recordNumbersIssued().entrySet()) {
            int was = Math.max(highestRecordNo(here, e.getKey()), floor(here, e.getKey()));
            if (was < e.getValue()) {
                here.mergeInto(NUMBER_FLOOR)
                        .using(DSL.selectOne())
                        .on(NUMBER_FLOOR.KIND.eq(RECORD_NO), NUMBER_FLOOR.SCOPE.eq(e.getKey()))
                        .whenMatchedThenUpdate()
                        .set(NUMBER_FLOOR.LAST_NO, e.getValue())
                        .whenNotMatchedThenInsert(NUMBER_FLOOR.KIND, NUMBER_FLOOR.SCOPE, NUMBER_FLOOR.LAST_NO)
                        .values(RECORD_NO, e.getKey(), e.getValue())
                        .execute();
                out.add(new Raised("recordNo", e.getKey(), was, e.getValue()));
            }
        }
        return out;
    }

    /** The highest record number the replaced database gave out per prefix: its register's and its own floors. */
    private Map<String, Integer> recordNumbersIssued() {
        Map<String, Integer> out = new HashMap<>();
        for (String no : replaced.select(RESIDENT.RECORD_NO).from(RESIDENT).fetch(RESIDENT.RECORD_NO)) {
            Matcher m = RECORD_NUMBER.matcher(no == null ? "" : no);
            if (m.matches() && m.group(2).length() <= 9) {
                out.merge(m.group(1), Integer.parseInt(m.group(2)), Math::max);
            }
        }
        for (var f : replaced.selectFrom(NUMBER_FLOOR)
                .where(NUMBER_FLOOR.KIND.eq(RECORD_NO))
                .fetch()) {
            out.merge(f.getScope(), f.getLastNo(), Math::max);
        }
        return out;
    }

    private static int highestRecordNo(DSLContext dsl, String prefix) {
        int max = 0;
        for (String no : dsl.select(RESIDENT.RECORD_NO)
                .from(RESIDENT)
                .where(RESIDENT.RECORD_NO.startsWith(prefix))
                .fetch(RESIDENT.RECORD_NO)) {
            Matcher m = RECORD_NUMBER.matcher(no);
            if (m.matches() && m.group(2).length() <= 9) {
                max = Math.max(max, Integer.parseInt(m.group(2)));
            }
        }
        return max;
    }

    private static int floor(DSLContext dsl, String prefix) {
        Integer last = dsl.select(NUMBER_FLOOR.LAST_NO)
                .from(NUMBER_FLOOR)
                .where(NUMBER_FLOOR.KIND.eq(RECORD_NO), NUMBER_FLOOR.SCOPE.eq(prefix))
                .fetchOne(NUMBER_FLOOR.LAST_NO);
        return last == null ? 0 : last;
    }

    /**
     * Puts back in the register every disclosure the replaced database had published and the restored one lacks (the
     * same period, moment and code), earliest first, with what it superseded; its files are on the disk already.
     */
    List<PutBack> putBackDisclosures() {
        List<PutBack> out = new ArrayList<>();
        Map<Long, Long> idThereToHere = new HashMap<>();
        List<DisclosureRecord> existing = here.selectFrom(DISCLOSURE).fetch();
        for (DisclosureRecord d : replaced.selectFrom(DISCLOSURE)
                .orderBy(DISCLOSURE.MADE_AT, DISCLOSURE.ID)
                .fetch()) {
            DisclosureRecord same = existing.stream()
                    .filter(e -> e.getPeriodFrom().equals(d.getPeriodFrom())
                            && e.getPeriodTo().equals(d.getPeriodTo())
                            && e.getMadeAt().equals(d.getMadeAt())
                            && e.getVerificationCode().equals(d.getVerificationCode()))
                    .findFirst()
                    .orElse(null);
            if (same != null) {
                idThereToHere.put(d.getId(), same.getId());
                continue;
            }
            Long supersedes = d.getSupersedesId() == null ? null : idThereToHere.get(d.getSupersedesId());
            if (supersedes != null && here.fetchExists(DISCLOSURE, DISCLOSURE.SUPERSEDES_ID.eq(supersedes))) {
                supersedes = null; // the restored register corrected that one otherwise: both stand, side by side
            }
            long id = here.insertInto(DISCLOSURE)
                    .set(DISCLOSURE.PERIOD_FROM, d.getPeriodFrom())
                    .set(DISCLOSURE.PERIOD_TO, d.getPeriodTo())
                    .set(DISCLOSURE.MADE_AT, d.getMadeAt())
                    .set(DISCLOSURE.MADE_BY, d.getMadeBy())
                    .set(DISCLOSURE.XLSX_FILE, d.getXlsxFile())
                    .set(DISCLOSURE.PDF_FILE, d.getPdfFile())
                    .set(DISCLOSURE.VERIFICATION_CODE, d.getVerificationCode())
                    .set(DISCLOSURE.TOTAL_RECEIVED, d.getTotalReceived())
                    .set(DISCLOSURE.TOTAL_USED, d.getTotalUsed())
                    .set(DISCLOSURE.SUPERSEDES_ID, supersedes)
                    .set(DISCLOSURE.CORRECTION_REASON, supersedes == null ? null : d.getCorrectionReason())
                    .returning(DISCLOSURE.ID)
                    .fetchOne(DISCLOSURE.ID);
            idThereToHere.put(d.getId(), id);
            out.add(new PutBack(id, d.getPeriodFrom() + ".." + d.getPeriodTo(), d.getVerificationCode()));
        }
        return out;
    }
}
