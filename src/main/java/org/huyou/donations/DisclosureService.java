package org.huyou.donations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.huyou.common.Checks;
import org.huyou.common.Coded;
import org.huyou.common.Faults;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.OverrideReasons;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.SafeFileNames;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The periodic public disclosure (公示) the director exports: figures for a period computed from the ledger as it
 * stands (up to its current head, whose position and hash are printed as the verification code), written as XLSX
 * and PDF, and kept in the register of what was published.
 */
public final class DisclosureService extends ServiceBase {

    /** The shortest reason a correction may give (it is printed on it). */
    public static final int MIN_CORRECTION_REASON = 6;

    private final LedgerRepository ledger;
    private final DisclosureRepository register;
    private final Supplier<String> homeName;

    private final SettingsRepository settings;
    private final DonationPapers papers;

    public DisclosureService(
            LedgerRepository ledger,
            DisclosureRepository register,
            Supplier<String> homeName,
            SettingsRepository settings,
            ServiceContext context,
            DonationPapers papers) {
        super(context);
        this.settings = settings;
        this.papers = papers;
        this.ledger = ledger;
        this.register = register;
        this.homeName = homeName;
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
        return new DisclosureFigures(ledger)
                .of(homeName.get(), from, to, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The files a disclosure was written to, and what it says; {@code supersedes} the publication of the same
     * period it corrects, if any.
     */
    public record Exported(Disclosure disclosure, Path xlsx, Path pdf, Optional<PublishedDisclosure> supersedes) {}

    /** Publishes the period for the first time: refused when it was published already (see the four-argument form). */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.EXPORT)
    public Exported export(LocalDate from, LocalDate to, Path dir) {
        return export(from, to, dir, null);
    }

    /**
     * Writes the period's disclosure as XLSX and PDF into {@code dir} and registers it; audited. A period already
     * published is published again only as a correction, with its reason: the new one supersedes the standing one,
     * both stay in the register, and no file is ever overwritten (a taken name gets " (2)"...).
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.EXPORT)
    public Exported export(LocalDate from, LocalDate to, Path dir, String correctionReason) {
        user.require(AppModule.DONATIONS, Action.EXPORT);
        Checks checks = new Checks(LocalDate.now(clock));
        // A published period is final: one still running would be contradicted by its own later entries.
        checks.rule(to == null || !to.isAfter(LocalDate.now(clock)), "to", "disclosure.periodNotEnded");
        String reason = checks.text("reason", "disclosure.correctionReason", correctionReason, 300, false);
        checks.throwIfAny();
        Disclosure d = build(from, to);
        Optional<PublishedDisclosure> earlier = tx.inTransaction(() -> register.standing(from, to));
        requireExplicit(earlier, reason);
        Path font = ChineseFont.require();
        String base = Messages.t("disclosure.fileName", from.toString(), to.toString());
        // the PDF and the workbook of one publication share a name that neither of an earlier one has
        String pdfName = SafeFileNames.unique(
                base,
                "pdf",
                name -> Files.exists(SafeFileNames.inside(dir, stem(name), "pdf"))
                        || Files.exists(SafeFileNames.inside(dir, stem(name), "xlsx")));
        Path pdf = SafeFileNames.inside(dir, stem(pdfName), "pdf");
        Path xlsx = SafeFileNames.inside(dir, stem(pdfName), "xlsx");
        try {
            Files.createDirectories(dir);
            papers.disclosure(d, xlsx, pdf, font);
        } catch (IOException e) {
            // neither file was left (see DonationPapers): the sentence says so, and what stood in the way
            throw new UserFacingException(
                    e, "disclosure.neitherWritten", Faults.describe(e).message());
        }
        try {
            tx.inTransaction(() -> {
                // another publication of the period may have been registered while the files were written
                requireExplicit(register.standing(from, to).filter(p -> !earlier.equals(Optional.of(p))), null);
                // nor may an entry dated in the period have been appended meanwhile: the files would lack it. Under the
                // head's lock, as every append checks the register under it (LedgerChain.openPeriod)
                ledger.lockHead();
                if (ledger.enteredAfter(d.lastSeq(), to)) {
                    throw new UserFacingException("disclosure.enteredWhileWritten", from.toString(), to.toString());
                }
                Long supersedes = earlier.map(PublishedDisclosure::id).orElse(null);
                long id = register.insert(d, xlsx.toString(), pdf.toString(), user.username(), supersedes, reason);
                audit.record(
                        AuditLog.EXPORT,
                        "disclosure",
                        from + ".." + to,
                        supersedes == null
                                ? AuditSummary.of("auditSummary.disclosure", d.verificationCode())
                                : AuditSummary.of(
                                        "auditSummary.disclosureCorrected",
                                        d.verificationCode(),
                                        id,
                                        supersedes,
                                        reason),
                        null);
            });
        } catch (RuntimeException refused) {
            // files no register row names are no publication: they go, so no one posts them
            deleteQuietly(xlsx);
            deleteQuietly(pdf);
            throw refused;
        }
        return new Exported(d, xlsx, pdf, earlier);
    }

    /** A period published already is published again only with a reason; a reason with nothing to correct is refused. */
    private void requireExplicit(Optional<PublishedDisclosure> earlier, String reason) {
        Checks checks = new Checks(LocalDate.now(clock));
        earlier.ifPresent(p -> checks.rule(
                reason != null,
                "reason",
                "disclosure.alreadyPublished",
                p.from().toString(),
                p.to().toString(),
                p.madeAt().toString().replace('T', ' '),
                Accounts.displayName(p.madeBy()),
                p.verificationCode()));
        checks.rule(earlier.isPresent() || reason == null, "reason", "disclosure.nothingToCorrect");
        checks.throwIfAny();
        if (earlier.isPresent()) {
            // the reason is printed on the correction for the public to read: words, as for any override
            FieldError problem = OverrideReasons.problem(
                    "reason", reason, MIN_CORRECTION_REASON, "disclosure.correctionReasonTooShort");
            if (problem != null) {
                throw new ValidationException(List.of(problem));
            }
        }
    }

    private static String stem(String pdfName) {
        return pdfName.substring(0, pdfName.length() - ".pdf".length());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the refusal says what matters; a stray file does not
        }
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
