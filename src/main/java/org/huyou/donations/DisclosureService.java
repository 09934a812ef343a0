package org.huyou.donations;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.huyou.common.Checks;
import org.huyou.common.Coded;
import org.huyou.common.Faults;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.SafeFileNames;
import org.huyou.db.SettingsRepository;
import org.huyou.db.Transactions;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceContext;

/**
 * The periodic public disclosure (公示) the director exports: figures for a period computed from the ledger as it
 * stands (up to its current head, whose position and hash are printed as the verification code), written as XLSX
 * and PDF, and kept in the register of what was published.
 */
public final class DisclosureService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private final LedgerRepository ledger;
    private final DisclosureRepository register;
    private final Supplier<String> homeName;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;

    private final SettingsRepository settings;
    private final DonationPapers papers;

    public DisclosureService(
            LedgerRepository ledger,
            DisclosureRepository register,
            Supplier<String> homeName,
            SettingsRepository settings,
            ServiceContext context,
            DonationPapers papers) {
        this.settings = settings;
        this.papers = papers;
        this.ledger = ledger;
        this.register = register;
        this.homeName = homeName;
        this.tx = context.tx();
        this.user = context.user();
        this.audit = context.audit();
        this.clock = context.clock();
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.EXPORT)
    public Disclosure build(LocalDate from, LocalDate to) {
        user.require(AppModule.DONATIONS, Action.EXPORT);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("from", "disclosure.from", from);
        checks.required("to", "disclosure.to", to);
        checks.rule(from == null || to == null || !to.isBefore(from), "to", "disclosure.toBeforeFrom");
        checks.throwIfAny();
        return tx.inTransaction(() -> figures(from, to));
    }

    private Disclosure figures(LocalDate from, LocalDate to) {
        LedgerRepository.Head head = ledger.head();
        long max = head.lastSeq();
        LocalDate before = from.minusDays(1);
        LedgerReportRepository sums = ledger.reports();
        Map<Long, BigDecimal> opening = sums.fundSums(null, before, max, LedgerReportRepository.Flow.ALL);
        // a balance carried in on the move-in day opens the period it falls in: it was not received in it
        sums.fundSums(from, to, max, LedgerReportRepository.Flow.OPENING)
                .forEach((f, a) -> opening.merge(f, a, BigDecimal::add));
        Map<Long, BigDecimal> received = sums.fundSums(from, to, max, LedgerReportRepository.Flow.RECEIVED);
        Map<Long, BigDecimal> spent = sums.fundSums(from, to, max, LedgerReportRepository.Flow.USED);
        List<Disclosure.FundLine> funds = new ArrayList<>();
        Map<Long, String> fundNames = new LinkedHashMap<>();
        for (Fund f : ledger.registers().funds()) {
            fundNames.put(f.id(), f.name());
            BigDecimal o = opening.getOrDefault(f.id(), ZERO);
            BigDecimal r = received.getOrDefault(f.id(), ZERO);
            BigDecimal u = spent.getOrDefault(f.id(), ZERO).negate();
            if (o.signum() != 0 || r.signum() != 0 || u.signum() != 0) {
                funds.add(new Disclosure.FundLine(f.name(), o, r, u, o.add(r).subtract(u)));
            }
        }
        // Donors who asked not to be named are summed under one public name, so no one can be told apart.
        Map<String, Disclosure.DonorLine> donors = new LinkedHashMap<>();
        for (LedgerReportRepository.DonorSum s : sums.donorSums(from, to, max)) {
            String name =
                    ledger.registers().donor(s.donorId()).map(Donor::publicName).orElse("");
            donors.merge(
                    name,
                    new Disclosure.DonorLine(name, s.amount(), s.count()),
                    (a, b) ->
                            new Disclosure.DonorLine(name, a.amount().add(b.amount()), a.donations() + b.donations()));
        }
        // Merging under public names (several 李*, the unnamed) undoes the query's order: the list is sorted again,
        // largest sum first as a reader of a donor list expects, equal sums by the name's pinyin.
        Collator pinyin = Collator.getInstance(Locale.CHINA);
        List<Disclosure.DonorLine> donorLines = donors.values().stream()
                .sorted(Comparator.comparing(Disclosure.DonorLine::amount)
                        .reversed()
                        .thenComparing(Disclosure.DonorLine::publicName, pinyin))
                .toList();
        List<Disclosure.UseLine> uses = sums.useSums(from, to, max).stream()
                .map(u -> new Disclosure.UseLine(fundNames.get(u.fundId()), u.purpose(), u.amount(), u.count()))
                .toList();
        Map<Long, LedgerReportRepository.GoodsSum> goodsOpening = sums.goodsSums(null, before, max, null);
        Map<Long, LedgerReportRepository.GoodsSum> goodsIn = sums.goodsSums(from, to, max, true);
        Map<Long, LedgerReportRepository.GoodsSum> goodsOut = sums.goodsSums(from, to, max, false);
        List<Disclosure.GoodsLine> goods = new ArrayList<>();
        for (GoodsItem item : ledger.registers().items()) {
            BigDecimal o = quantity(goodsOpening.get(item.id()));
            BigDecimal in = quantity(goodsIn.get(item.id()));
            BigDecimal out = quantity(goodsOut.get(item.id())).negate();
            BigDecimal value =
                    goodsIn.containsKey(item.id()) ? goodsIn.get(item.id()).value() : ZERO;
            if (o.signum() != 0 || in.signum() != 0 || out.signum() != 0) {
                goods.add(new Disclosure.GoodsLine(
                        item.name(), item.unit(), o, in, value, out, o.add(in).subtract(out)));
            }
        }
        return new Disclosure(
                homeName.get(),
                from,
                to,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                donorLines,
                funds,
                uses,
                goods,
                max,
                head.lastHash());
    }

    private static BigDecimal quantity(LedgerReportRepository.GoodsSum s) {
        return s == null ? ZERO : s.quantity();
    }

    /** The files a disclosure was written to, and what it says. */
    public record Exported(Disclosure disclosure, Path xlsx, Path pdf) {}

    /** Writes the period's disclosure as XLSX and PDF into {@code dir} and registers it; audited. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.EXPORT)
    public Exported export(LocalDate from, LocalDate to, Path dir) {
        user.require(AppModule.DONATIONS, Action.EXPORT);
        // A published period is final: one still running would be contradicted by its own later entries.
        Checks ended = new Checks(LocalDate.now(clock));
        ended.rule(to == null || !to.isAfter(LocalDate.now(clock)), "to", "disclosure.periodNotEnded");
        ended.throwIfAny();
        Disclosure d = build(from, to);
        Path font = ChineseFont.require();
        String base = Messages.t("disclosure.fileName", from.toString(), to.toString());
        Path xlsx = SafeFileNames.inside(dir, base, "xlsx");
        Path pdf = SafeFileNames.inside(dir, base, "pdf");
        try {
            Files.createDirectories(dir);
            papers.disclosure(d, xlsx, pdf, font);
        } catch (IOException e) {
            // neither file was left (see DonationPapers): the sentence says so, and what stood in the way
            throw new UserFacingException(
                    e, "disclosure.writeFailed", Faults.describe(e).message());
        }
        tx.inTransaction(() -> {
            register.insert(d, xlsx.toString(), pdf.toString(), user.username());
            audit.record(
                    AuditLog.EXPORT,
                    "disclosure",
                    from + ".." + to,
                    AuditSummary.of("auditSummary.disclosure", d.verificationCode()),
                    null);
        });
        return new Exported(d, xlsx, pdf);
    }

    /** How often the director publishes: the calendar that says when a disclosure is due. */
    public enum Schedule implements Coded {
        MONTHLY(1),
        QUARTERLY(3),
        YEARLY(12);

        private final int months;

        Schedule(int months) {
            this.months = months;
        }

        /** The last whole period before {@code today} under this schedule. */
        public LocalDate[] lastPeriod(LocalDate today) {
            YearMonth now = YearMonth.from(today);
            int startMonth = (now.getMonthValue() - 1) / months * months + 1;
            YearMonth currentStart = now.withMonth(startMonth);
            YearMonth start = currentStart.minusMonths(months);
            return new LocalDate[] {start.atDay(1), currentStart.atDay(1).minusDays(1)};
        }

        @Override
        public String labelPrefix() {
            return "disclosureSchedule";
        }
    }

    private static final String SCHEDULE = "disclosure.schedule";

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public Schedule schedule() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return settings.get(SCHEDULE).map(Schedule::valueOf).orElse(Schedule.QUARTERLY);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public void setSchedule(Schedule schedule) {
        user.require(AppModule.DONATIONS, Action.APPROVE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("schedule", "disclosure.schedule", schedule);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            settings.put(SCHEDULE, schedule.name());
            audit.record(AuditLog.EDIT, "app_setting", SCHEDULE, AuditSummary.of("auditSummary.value", schedule), null);
        });
    }

    /** The last whole period under the schedule when no published disclosure covers it yet; else empty. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public Optional<LocalDate[]> due() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        LocalDate[] period = schedule().lastPeriod(LocalDate.now(clock));
        boolean covered =
                register.all().stream().anyMatch(p -> !p.from().isAfter(period[0]) && !p.to().isBefore(period[1]));
        return covered ? Optional.empty() : Optional.of(period);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<PublishedDisclosure> published() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return register.all();
    }
}
