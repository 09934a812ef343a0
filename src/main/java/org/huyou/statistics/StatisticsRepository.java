package org.huyou.statistics;

import static org.huyou.db.generated.Tables.LEDGER_ENTRY;
import static org.huyou.db.generated.Tables.MEDICAL_FUNDING;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.OPENDAY_VISIT;
import static org.huyou.db.generated.Tables.REHAB_SESSION;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_STATUS_EVENT;
import static org.huyou.db.generated.Tables.RISK_ASSESSMENT;
import static org.huyou.db.generated.Tables.TRANSITION_PLAN;
import static org.huyou.db.generated.Tables.VOLUNTEER;
import static org.huyou.db.generated.Tables.VOLUNTEER_ACTIVITY;
import static org.huyou.db.generated.Tables.VOLUNTEER_SIGNUP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.psych.RiskGrade;
import org.huyou.care.rehab.Rehab;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.db.LatestStatus;
import org.huyou.donations.LedgerEntry;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.ResidentStatus;
import org.huyou.volunteers.ShiftRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The counts behind the dashboard. Monthly figures are grouped in SQL (a year of care entries never travels to the
 * client); the register snapshot is read once, a few columns per resident, and grouped by the service so the
 * figures and their drill-downs are one and the same list.
 */
public final class StatisticsRepository {

    private final DSLContext dsl;

    public StatisticsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A resident as the figures see them: the register's facts and the status on the day of the snapshot. */
    public record ResidentFacts(
            long id,
            String recordNo,
            String name,
            String idNumber,
            Gender gender,
            LocalDate birth,
            Category category,
            DisabilityType disability,
            Integer grade,
            AdmissionSource source,
            LocalDate admitted,
            ResidentStatus status) {}

    /** Everyone with a status by {@code asOf}, with the latest status on or before that day. */
    public List<ResidentFacts> residentsAsOf(LocalDate asOf) {
        var r = RESIDENT;
        // Each resident's status by then looked up by its index, once (in a derived table): the entries' NOT EXISTS
        // over every entry of the register read 4 s cold on the stress home (issue 31).
        Field<String> status = LatestStatus.of(r.ID, asOf).as("status_then");
        var facts = dsl.select(
                        r.ID,
                        r.RECORD_NO,
                        r.NAME,
                        r.ID_NUMBER,
                        r.GENDER,
                        r.BIRTH_DATE,
                        r.CATEGORY,
                        r.DISABILITY_TYPE,
                        r.DISABILITY_GRADE,
                        r.ADMISSION_SOURCE,
                        r.ADMISSION_DATE,
                        status)
                .from(r)
                .where(r.VOIDED_AT.isNull())
                .asTable("facts");
        Field<String> then = facts.field(status);
        return dsl.selectFrom(facts)
                .where(then.isNotNull())
                .orderBy(facts.field(r.RECORD_NO))
                .fetch(x -> new ResidentFacts(
                        x.get(facts.field(r.ID)),
                        x.get(facts.field(r.RECORD_NO)),
                        x.get(facts.field(r.NAME)),
                        x.get(facts.field(r.ID_NUMBER)),
                        Gender.valueOf(x.get(facts.field(r.GENDER))),
                        x.get(facts.field(r.BIRTH_DATE)),
                        Category.valueOf(x.get(facts.field(r.CATEGORY))),
                        DisabilityType.valueOf(x.get(facts.field(r.DISABILITY_TYPE))),
                        x.get(facts.field(r.DISABILITY_GRADE)) == null
                                ? null
                                : x.get(facts.field(r.DISABILITY_GRADE)).intValue(),
                        AdmissionSource.valueOf(x.get(facts.field(r.ADMISSION_SOURCE))),
                        x.get(facts.field(r.ADMISSION_DATE)),
                        ResidentStatus.valueOf(x.get(then))));
    }

    /**
     * A move out of the home: a status event (adopted, transferred, deceased) or leaving at adulthood (the register's
     * 成年离院 entry, which the transition plan's leaving writes), so that the departures and the in-care figures
     * agree: each move out is counted once, whichever screen recorded it.
     */
    public record Departure(
            long residentId, String recordNo, String name, String idNumber, String destination, LocalDate date) {}

    public List<Departure> departures(LocalDate from, LocalDate to, List<ResidentStatus> destinations) {
        var r = RESIDENT;
        var e = RESIDENT_STATUS_EVENT;
        List<String> codes =
                new ArrayList<>(destinations.stream().map(Enum::name).toList());
        codes.add(ResidentStatus.ADULT_TRANSITION.name());
        return dsl.select(r.ID, r.RECORD_NO, r.NAME, r.ID_NUMBER, e.STATUS, e.EVENT_DATE)
                .from(e)
                .join(r)
                .on(r.ID.eq(e.RESIDENT_ID))
                .where(r.VOIDED_AT.isNull())
                .and(e.VOIDED_AT.isNull())
                .and(e.EVENT_DATE.between(from, to))
                .and(e.STATUS.in(codes))
                .orderBy(e.EVENT_DATE, r.RECORD_NO)
                .fetch(x -> new Departure(
                        x.get(r.ID),
                        x.get(r.RECORD_NO),
                        x.get(r.NAME),
                        x.get(r.ID_NUMBER),
                        ResidentStatus.ADULT_TRANSITION.name().equals(x.get(e.STATUS))
                                ? Series.ADULT_LEFT.name()
                                : x.get(e.STATUS),
                        x.get(e.EVENT_DATE)));
    }

    /** A resident's transition plan: pathway and status. */
    public record Placement(
            long residentId, String recordNo, String name, String idNumber, String pathway, String status) {}

    public List<Placement> placements() {
        var r = RESIDENT;
        var p = TRANSITION_PLAN;
        return dsl.select(r.ID, r.RECORD_NO, r.NAME, r.ID_NUMBER, p.PATHWAY, p.STATUS)
                .from(p)
                .join(r)
                .on(r.ID.eq(p.RESIDENT_ID))
                .where(r.VOIDED_AT.isNull())
                .orderBy(r.RECORD_NO)
                .fetch(x -> new Placement(
                        x.get(r.ID),
                        x.get(r.RECORD_NO),
                        x.get(r.NAME),
                        x.get(r.ID_NUMBER),
                        x.get(p.PATHWAY),
                        x.get(p.STATUS)));
    }

    /** A monthly count or sum of one series. */
    public record MonthValue(int month, Series series, BigDecimal value) {}

    public List<MonthValue> careActivity(LocalDate from, LocalDate to) {
        List<MonthValue> out = new ArrayList<>();
        var m = MEDICAL_RECORD;
        out.addAll(countByMonth(
                m.EVENT_DATE, m.VOIDED_AT.isNull().and(m.KIND.eq("CHECKUP")), from, to, Series.CHECKUPS, m));
        var s = REHAB_SESSION;
        out.addAll(countByMonth(
                s.SESSION_DATE,
                s.VOIDED_AT.isNull().and(s.ATTENDANCE.eq("ATTENDED")),
                from,
                to,
                Series.REHAB_SESSIONS,
                s));
        var a = RISK_ASSESSMENT;
        for (Series grade : List.of(Series.RISK_LOW, Series.RISK_MEDIUM, Series.RISK_HIGH)) {
            out.addAll(countByMonth(
                    a.ASSESSED_ON,
                    a.VOIDED_AT.isNull().and(a.GRADE.eq(grade.name().substring(5))),
                    from,
                    to,
                    grade,
                    a));
        }
        return out;
    }

    private List<MonthValue> countByMonth(
            Field<LocalDate> date, Condition where, LocalDate from, LocalDate to, Series series, Table<?> table) {
        Field<Integer> month = DSL.month(date);
        return dsl.select(month, DSL.count())
                .from(table)
                .where(where)
                .and(date.between(from, to))
                .groupBy(month)
                .fetch(x -> new MonthValue(x.value1(), series, BigDecimal.valueOf(x.value2())));
    }

    /**
     * Money in (donations less their reversals), money out (payments less their reversals) and the value of goods
     * received, per month. A reversal counts in the month it was entered, against the series of what it reverses.
     */
    public List<MonthValue> donations(LocalDate from, LocalDate to) {
        var l = LEDGER_ENTRY;
        var o = LEDGER_ENTRY.as("o");
        Field<String> kind = DSL.coalesce(o.KIND, l.KIND);
        Field<Integer> month = DSL.month(l.ENTRY_DATE);
        List<MonthValue> out = new ArrayList<>();
        dsl.select(
                        month,
                        kind,
                        DSL.sum(l.AMOUNT),
                        DSL.sum(DSL.when(l.KIND.eq("REVERSAL"), o.GOODS_VALUE.neg())
                                .otherwise(l.GOODS_VALUE)))
                .from(l)
                .leftJoin(o)
                .on(o.SEQ.eq(l.REVERSES_SEQ))
                .where(l.ENTRY_DATE.between(from, to))
                .and(kind.in("DONATION", "USE", "GOODS_IN"))
                .groupBy(month, kind)
                .forEach(x -> {
                    switch (x.value2()) {
                        case "DONATION" -> out.add(new MonthValue(x.value1(), Series.MONEY_IN, nz(x.value3())));
                        case "USE" ->
                            out.add(new MonthValue(
                                    x.value1(), Series.MONEY_OUT, nz(x.value3()).negate()));
                        default -> out.add(new MonthValue(x.value1(), Series.GOODS_IN, nz(x.value4())));
                    }
                });
        return out;
    }

    public List<MonthValue> volunteers(LocalDate from, LocalDate to) {
        var a = VOLUNTEER_ACTIVITY;
        var s = VOLUNTEER_SIGNUP;
        Field<Integer> month = DSL.month(a.ACTIVITY_DATE);
        List<MonthValue> out = new ArrayList<>();
        dsl.select(month, DSL.sum(s.HOURS), DSL.countDistinct(s.VOLUNTEER_ID))
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .where(ShiftRepository.served(from, to))
                .groupBy(month)
                .forEach(x -> {
                    out.add(new MonthValue(x.value1(), Series.VOLUNTEER_HOURS, nz(x.value2())));
                    out.add(new MonthValue(x.value1(), Series.ACTIVE_VOLUNTEERS, BigDecimal.valueOf(x.value3())));
                });
        return out;
    }

    /**
     * The volunteers who served in a period, each counted once however many months they served: the figure the hours
     * screen shows as its number of volunteers for the same period.
     */
    public int volunteersServed(LocalDate from, LocalDate to) {
        var a = VOLUNTEER_ACTIVITY;
        var s = VOLUNTEER_SIGNUP;
        return dsl.select(DSL.countDistinct(s.VOLUNTEER_ID))
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .where(ShiftRepository.served(from, to))
                .fetchOne(0, int.class);
    }

    public List<MonthValue> openDay(LocalDate from, LocalDate to) {
        var v = OPENDAY_VISIT;
        Field<Integer> month = DSL.month(v.SESSION_DATE);
        return dsl.select(month, DSL.sum(v.HEAD_COUNT))
                .from(v)
                .where(v.SESSION_DATE.between(from, to))
                .groupBy(month)
                .fetch(x -> new MonthValue(x.value1(), Series.VISITORS, nz(x.value2())));
    }

    // ---- drill-down rows of the monthly figures: at most `limit` rows each

    public List<List<String>> careEntries(Series series, LocalDate from, LocalDate to, int limit) {
        var r = RESIDENT;
        return switch (series) {
            case CHECKUPS -> {
                var m = MEDICAL_RECORD;
                yield dsl.select(m.EVENT_DATE, r.RECORD_NO, r.NAME, m.TITLE)
                        .from(m)
                        .join(r)
                        .on(r.ID.eq(m.RESIDENT_ID))
                        .where(m.VOIDED_AT.isNull())
                        .and(m.KIND.eq("CHECKUP"))
                        .and(m.EVENT_DATE.between(from, to))
                        .orderBy(m.EVENT_DATE, r.RECORD_NO)
                        .limit(limit)
                        .fetch(x -> List.of(x.value1().toString(), x.value2(), x.value3(), x.value4()));
            }
            case REHAB_SESSIONS -> {
                var s = REHAB_SESSION;
                yield dsl.select(s.SESSION_DATE, r.RECORD_NO, r.NAME, s.AREA, s.MINUTES)
                        .from(s)
                        .join(r)
                        .on(r.ID.eq(s.RESIDENT_ID))
                        .where(s.VOIDED_AT.isNull())
                        .and(s.ATTENDANCE.eq("ATTENDED"))
                        .and(s.SESSION_DATE.between(from, to))
                        .orderBy(s.SESSION_DATE, r.RECORD_NO)
                        .limit(limit)
                        .fetch(x -> List.of(
                                x.value1().toString(),
                                x.value2(),
                                x.value3(),
                                Rehab.Area.valueOf(x.value4()).label() + " " + x.value5()));
            }
            default -> {
                var a = RISK_ASSESSMENT;
                yield dsl.select(a.ASSESSED_ON, r.RECORD_NO, r.NAME, a.GRADE)
                        .from(a)
                        .join(r)
                        .on(r.ID.eq(a.RESIDENT_ID))
                        .where(a.VOIDED_AT.isNull())
                        .and(a.GRADE.eq(series.name().substring(5)))
                        .and(a.ASSESSED_ON.between(from, to))
                        .orderBy(a.ASSESSED_ON, r.RECORD_NO)
                        .limit(limit)
                        .fetch(x -> List.of(
                                x.value1().toString(),
                                x.value2(),
                                x.value3(),
                                RiskGrade.valueOf(x.value4()).label()));
            }
        };
    }

    /** Ledger entries behind a month of a donations series: date, receipt or voucher, what, amount or value. */
    public List<List<String>> ledgerEntries(Series series, LocalDate from, LocalDate to, int limit) {
        var l = LEDGER_ENTRY;
        var o = LEDGER_ENTRY.as("o");
        String kind = switch (series) {
            case MONEY_IN -> "DONATION";
            case MONEY_OUT -> "USE";
            default -> "GOODS_IN";
        };
        return dsl.select(
                        l.ENTRY_DATE,
                        l.SEQ,
                        l.KIND,
                        DSL.coalesce(l.RECEIPT_NO, l.VOUCHER_NO, DSL.val("")),
                        DSL.coalesce(l.DESCRIPTION, l.PAYEE, DSL.val("")),
                        l.AMOUNT,
                        l.GOODS_VALUE,
                        o.GOODS_VALUE)
                .from(l)
                .leftJoin(o)
                .on(o.SEQ.eq(l.REVERSES_SEQ))
                .where(l.ENTRY_DATE.between(from, to))
                .and(DSL.coalesce(o.KIND, l.KIND).eq(kind))
                .orderBy(l.ENTRY_DATE, l.SEQ)
                .limit(limit)
                .fetch(x -> {
                    BigDecimal v = switch (series) {
                        case MONEY_IN -> nz(x.value6());
                        case MONEY_OUT -> nz(x.value6()).negate();
                        default ->
                            "REVERSAL".equals(x.value3()) ? nz(x.value8()).negate() : nz(x.value7());
                    };
                    return List.of(
                            x.value1().toString(),
                            String.valueOf(x.value2()),
                            LedgerEntry.Kind.valueOf(x.value3()).label(),
                            x.value4(),
                            x.value5(),
                            Money.amount(v));
                });
    }

    public List<List<String>> volunteerEntries(LocalDate from, LocalDate to, int limit) {
        var a = VOLUNTEER_ACTIVITY;
        var s = VOLUNTEER_SIGNUP;
        var v = VOLUNTEER;
        return dsl.select(a.ACTIVITY_DATE, v.NAME, a.TITLE, s.HOURS)
                .from(s)
                .join(a)
                .on(a.ID.eq(s.ACTIVITY_ID))
                .join(v)
                .on(v.ID.eq(s.VOLUNTEER_ID))
                .where(ShiftRepository.served(from, to))
                .orderBy(a.ACTIVITY_DATE, v.NAME)
                .limit(limit)
                .fetch(x -> List.of(
                        x.value1().toString(),
                        x.value2(),
                        x.value3(),
                        nz(x.value4()).toPlainString()));
    }

    /** Visits without names or documents: the session, the group, the head count. */
    public List<List<String>> visitEntries(LocalDate from, LocalDate to, int limit) {
        var v = OPENDAY_VISIT;
        return dsl.select(v.SESSION_DATE, v.SLOT, v.ORGANISATION, v.HEAD_COUNT, v.SLIP_NO)
                .from(v)
                .where(v.SESSION_DATE.between(from, to))
                .orderBy(v.SESSION_DATE, v.SLOT, v.SLIP_NO)
                .limit(limit)
                .fetch(x -> List.of(
                        x.value1().toString(),
                        x.value2(),
                        x.value3() == null ? "" : x.value3(),
                        String.valueOf(x.value4()),
                        x.value5()));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    // ---- surgeries and treatments by funding source (issue 33)

    /** One year's value of a series. */
    public record YearValue(int year, Series series, BigDecimal value) {}

    /**
     * Per year of the event date, of the surgeries and treatments not voided: how many of each kind, and the sum of
     * each source's share of the cost (and of what is unpaid) over those whose cost is recorded. The counts come
     * from the index by kind and date alone (migration 47), the shares from a join of their own, so the count does
     * not read the records' rows (issue 31: seconds on the stress home, cold).
     */
    public List<YearValue> medicalByYear(LocalDate from, LocalDate to) {
        var m = MEDICAL_RECORD;
        var f = MEDICAL_FUNDING;
        Field<Integer> year = DSL.year(m.EVENT_DATE);
        List<YearValue> out = new ArrayList<>();
        // one kind at a time: H2 ranges over (kind, date) for one kind, where a list of kinds read the whole index
        for (Series kind : List.of(Series.SURGERIES, Series.TREATMENTS)) {
            Condition cases = m.VOIDED_AT
                    .isNull()
                    .and(m.KIND.eq(kind == Series.SURGERIES ? "SURGERY" : "TREATMENT"))
                    .and(m.EVENT_DATE.between(from, to));
            dsl.select(year, DSL.count())
                    .from(m)
                    .where(cases)
                    .groupBy(year)
                    .forEach(x -> out.add(new YearValue(x.value1(), kind, BigDecimal.valueOf(x.value2()))));
            dsl.select(
                            year,
                            DSL.sum(f.TOMORROW_PLAN),
                            DSL.sum(f.INSURANCE),
                            DSL.sum(f.DONATION),
                            DSL.sum(f.INSTITUTION),
                            DSL.sum(f.COST.minus(f.TOMORROW_PLAN)
                                    .minus(f.INSURANCE)
                                    .minus(f.DONATION)
                                    .minus(f.INSTITUTION)))
                    .from(f)
                    .join(m)
                    .on(m.ID.eq(f.MEDICAL_RECORD_ID))
                    .where(cases)
                    .groupBy(year)
                    .forEach(x -> {
                        int y = x.value1();
                        out.add(new YearValue(y, Series.PAID_TOMORROW_PLAN, nz(x.value2())));
                        out.add(new YearValue(y, Series.PAID_INSURANCE, nz(x.value3())));
                        out.add(new YearValue(y, Series.PAID_DONATION, nz(x.value4())));
                        out.add(new YearValue(y, Series.PAID_INSTITUTION, nz(x.value5())));
                        out.add(new YearValue(y, Series.UNPAID, nz(x.value6())));
                    });
        }
        return out;
    }

    /**
     * The surgeries or treatments behind a point: each with its cost and, for a source, that source's share (only
     * those it paid part of).
     */
    public List<List<String>> medicalEntries(Series series, LocalDate from, LocalDate to, int limit) {
        var m = MEDICAL_RECORD;
        var f = MEDICAL_FUNDING;
        var r = RESIDENT;
        Field<BigDecimal> share = switch (series) {
            case PAID_TOMORROW_PLAN -> f.TOMORROW_PLAN;
            case PAID_INSURANCE -> f.INSURANCE;
            case PAID_DONATION -> f.DONATION;
            case PAID_INSTITUTION -> f.INSTITUTION;
            case UNPAID ->
                f.COST.minus(f.TOMORROW_PLAN)
                        .minus(f.INSURANCE)
                        .minus(f.DONATION)
                        .minus(f.INSTITUTION);
            default -> DSL.castNull(f.COST); // no share column for a count: a typed NULL, no value in the text
        };
        Condition which = switch (series) {
            case SURGERIES -> m.KIND.eq("SURGERY");
            case TREATMENTS -> m.KIND.eq("TREATMENT");
            default -> m.KIND.in("SURGERY", "TREATMENT").and(share.gt(BigDecimal.ZERO));
        };
        return dsl.select(m.EVENT_DATE, r.RECORD_NO, r.NAME, m.KIND, m.TITLE, f.COST, share)
                .from(m)
                .join(r)
                .on(r.ID.eq(m.RESIDENT_ID))
                .leftJoin(f)
                .on(f.MEDICAL_RECORD_ID.eq(m.ID))
                .where(m.VOIDED_AT.isNull())
                .and(which)
                .and(m.EVENT_DATE.between(from, to))
                .orderBy(m.EVENT_DATE, r.RECORD_NO)
                .limit(limit)
                .fetch(x -> List.of(
                        x.value1().toString(),
                        x.value2(),
                        x.value3(),
                        Messages.t(
                                "stat.medicalEntry",
                                MedicalRecord.Kind.valueOf(x.value4()).label(),
                                x.value5()),
                        Money.amount(x.value6()),
                        Money.amount(x.value7())));
    }
}
