package org.huyou.care.medical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineSource;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditChanges;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * Diagnoses, checkups, immunisations, hospital visits, surgeries, treatments and insurance: medical staff's
 * records, sealed from roles without the medical permission. A record with a next-due date puts a reminder on the
 * screen until a later record of the same kind and title follows it.
 */
public final class MedicalRecordService extends ServiceBase {

    /** How far ahead follow-ups show as due. */
    public static final int DUE_WINDOW_DAYS = 14;

    private final MedicalRecordRepository repo;

    public MedicalRecordService(MedicalRecordRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public List<MedicalRecord> records(long residentId) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.forResident(residentId);
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public MedicalRecord add(
            long residentId,
            MedicalRecord.Kind kind,
            LocalDate date,
            String title,
            String detail,
            MedicalRecord.Funding funding,
            LocalDate nextDue) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock)); // its sentences name the field
        checks.required("kind", "medical.kind", kind);
        checks.pastDate("date", "medical.date", date, "validation.dateRequired.medicalRecord");
        String t = checks.text("title", "medical.title", title, 200, true);
        String d = checks.lines("detail", "medical.detail", detail, 2000, false);
        checks.rule(nextDue == null || date == null || !nextDue.isBefore(date), "nextDue", "medical.dueBeforeDate");
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            MedicalRecord draft =
                    new MedicalRecord(0, residentId, kind, date, t, d, funding, nextDue, user.username(), false, null);
            long id = repo.insert(draft, user.username(), LocalDateTime.now(clock));
            MedicalRecord saved =
                    new MedicalRecord(id, residentId, kind, date, t, d, funding, nextDue, user.username(), false, null);
            audit.record(
                    AuditLog.CREATE,
                    "medical_record",
                    id,
                    AuditSummary.of("auditSummary.value", kind),
                    AuditChanges.created(saved));
            return saved;
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidRecord(long id, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(tx, audit, repo.voidableRecord(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    public static String summary(MedicalRecord r) {
        return r.kind().label() + ": " + r.title() + (r.detail() == null ? "" : " — " + r.detail())
                + (r.funding() == null ? "" : " [" + r.funding().label() + "]")
                + (r.nextDue() == null
                        ? ""
                        : " " + Messages.t("medical.nextDue", r.nextDue().toString()));
    }

    @AnyUser
    public TimelineSource timelineSource() {
        return MedicalTimeline.rows(
                user,
                repo::page,
                r -> new TimelineEntry(
                        CareDomain.MEDICAL,
                        r.id(),
                        r.date(),
                        summary(r),
                        r.recordedBy(),
                        r.voided(),
                        r.voidReason(),
                        "medical_record"));
    }

    /**
     * Follow-ups due within two weeks, and overdue ones (a next dose, a checkup, an insurance renewal); and 明天计划
     * applications still waiting for approval, due for a chase {@value #TOMORROW_PLAN_CHASE_DAYS} days after applying.
     */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(
                user,
                AppModule.MEDICAL,
                Action.VIEW,
                today -> Stream.concat(
                                repo.openFollowUps(today.plusDays(DUE_WINDOW_DAYS)).stream()
                                        .map(f -> new Reminder(
                                                CareDomain.MEDICAL,
                                                f.record().residentId(),
                                                f.residentName(),
                                                f.record().nextDue(),
                                                Messages.t(
                                                        "medical.followUp",
                                                        f.record().kind().label(),
                                                        f.record().title()),
                                                f.record().nextDue().isBefore(today))),
                                repo.pendingApplications().stream().map(p -> {
                                    LocalDate chase =
                                            p.application().appliedOn().plusDays(TOMORROW_PLAN_CHASE_DAYS);
                                    return new Reminder(
                                            CareDomain.MEDICAL,
                                            p.application().residentId(),
                                            p.residentName(),
                                            chase,
                                            Messages.t(
                                                    "tomorrowPlan.pending",
                                                    p.application().condition(),
                                                    p.application().appliedOn().toString()),
                                            chase.isBefore(today));
                                }))
                        .toList());
    }

    /** Days after applying to 明天计划 when a pending application is worth a call to ask. */
    static final int TOMORROW_PLAN_CHASE_DAYS = 30;

    /** Records an application to 明天计划 for a child's surgery or treatment. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public TomorrowPlanApplication applyToTomorrowPlan(long residentId, String condition, LocalDate appliedOn) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        String c = checks.text("condition", "tomorrowPlan.condition", condition, 200, true);
        checks.pastDate("appliedOn", "tomorrowPlan.appliedOn", appliedOn);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            long id = repo.insertApplication(residentId, c, appliedOn, user.username(), LocalDateTime.now(clock));
            audit.record(
                    AuditLog.CREATE,
                    "tomorrow_plan_application",
                    id,
                    AuditSummary.of("auditSummary.tomorrowPlanApplied", appliedOn, c),
                    null);
            return repo.application(id).orElseThrow();
        });
    }

    /** The approval: when, at which hospital, the operation date and the amount the plan grants. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public TomorrowPlanApplication recordTomorrowPlanApproval(
            long id, int version, LocalDate approvedOn, String hospital, LocalDate operationDate, BigDecimal amount) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        TomorrowPlanApplication a = repo.application(id).orElseThrow(() -> new UserFacingException("error.notFound"));
        Checks checks = new Checks(LocalDate.now(clock));
        checks.pastDate("approvedOn", "tomorrowPlan.approvedOn", approvedOn);
        checks.rule(
                approvedOn == null || !approvedOn.isBefore(a.appliedOn()),
                "approvedOn",
                "tomorrowPlan.approvedBeforeApplied",
                a.appliedOn().toString());
        String h = checks.text("hospital", "tomorrowPlan.hospital", hospital, 200, true);
        // the operation date is often not known yet when the plan approves: left out, it is recorded as not fixed
        BigDecimal m = checks.range("amount", "tomorrowPlan.amount", amount, BigDecimal.ZERO, MAX);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            if (!repo.approveApplication(
                    id, version, approvedOn, h, operationDate, m, user.username(), LocalDateTime.now(clock))) {
                throw new StaleRecordException(null, null);
            }
            audit.record(
                    AuditLog.EDIT,
                    "tomorrow_plan_application",
                    id,
                    operationDate == null
                            ? AuditSummary.of(
                                    "auditSummary.tomorrowPlanApprovedNoOperationDate",
                                    approvedOn,
                                    h,
                                    m.toPlainString())
                            : AuditSummary.of(
                                    "auditSummary.tomorrowPlanApproved",
                                    approvedOn,
                                    h,
                                    operationDate,
                                    m.toPlainString()),
                    null);
            return repo.application(id).orElseThrow();
        });
    }

    /**
     * The operation date of an approved application recorded without one (the plan often approves before the
     * hospital sets a date): once, at the version read; a date already fixed is not overwritten here.
     */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public TomorrowPlanApplication fixTomorrowPlanOperationDate(long id, int version, LocalDate operationDate) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        TomorrowPlanApplication a = repo.application(id).orElseThrow(() -> new UserFacingException("error.notFound"));
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("operationDate", "tomorrowPlan.operationDate", operationDate);
        checks.rule(
                a.status() == TomorrowPlanApplication.Status.APPROVED && a.operationDate() == null,
                "operationDate",
                "tomorrowPlan.operationDateNotOpen");
        checks.rule(
                operationDate == null || !operationDate.isBefore(a.appliedOn()),
                "operationDate",
                "tomorrowPlan.operationBeforeApplied",
                a.appliedOn().toString());
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            if (!repo.fixOperationDate(id, version, operationDate, user.username(), LocalDateTime.now(clock))) {
                throw new StaleRecordException(null, null);
            }
            audit.record(
                    AuditLog.EDIT,
                    "tomorrow_plan_application",
                    id,
                    AuditSummary.of("auditSummary.tomorrowPlanOperationDate", operationDate, a.hospital()),
                    null);
            return repo.application(id).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public List<TomorrowPlanApplication> tomorrowPlanApplications(long residentId) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.applications(residentId);
    }

    // ---- funding (issue 33)

    /**
     * Records (or corrects, at the version read; -1 for the first time) what a surgery or treatment cost and what
     * each source paid. A donation share must name the ledger's payment from the restricted medical fund (医疗救助) of
     * exactly that amount, not reversed and not already paying for another record: the ledger then shows what the
     * money paid for and the medical record how it was paid. {@code typed} holds the form's figures as given: blank
     * shares (null) count as nothing paid, and its version is the one read.
     */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public MedicalFunding recordFunding(MedicalFunding typed) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        long recordId = typed.medicalRecordId();
        Long ledgerSeq = typed.ledgerSeq();
        int version = typed.version();
        Checks checks = new Checks(LocalDate.now(clock));
        BigDecimal c = checks.range("cost", "medicalFunding.cost", typed.cost(), CENT, MAX);
        BigDecimal t = share(checks, "tomorrowPlan", typed.tomorrowPlan());
        BigDecimal i = share(checks, "insurance", typed.insurance());
        BigDecimal d = share(checks, "donation", typed.donation());
        BigDecimal n = share(checks, "institution", typed.institution());
        checks.throwIfAny();
        checks.rule(t.add(i).add(d).add(n).compareTo(c) <= 0, "cost", "medicalFunding.sharesAboveCost");
        checks.rule(d.signum() == 0 || ledgerSeq != null, "ledgerSeq", "medicalFunding.paymentRequired");
        checks.rule(d.signum() > 0 || ledgerSeq == null, "donation", "medicalFunding.donationRequired");
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            MedicalRecord.Kind kind =
                    repo.liveKind(recordId).orElseThrow(() -> new UserFacingException("error.notFound"));
            if (kind != MedicalRecord.Kind.SURGERY && kind != MedicalRecord.Kind.TREATMENT) {
                throw new UserFacingException("medicalFunding.onlySurgeryOrTreatment");
            }
            if (ledgerSeq != null) {
                MedicalRecordRepository.MedicalPayment p =
                        repo.medicalPayment(ledgerSeq).orElse(null);
                Checks link = new Checks(LocalDate.now(clock));
                link.rule(
                        p != null && p.medicalFund() && !p.reversed(),
                        "ledgerSeq",
                        "medicalFunding.notAMedicalPayment",
                        ledgerSeq);
                link.rule(
                        p == null || p.fundedRecord() == null || p.fundedRecord() == recordId,
                        "ledgerSeq",
                        "medicalFunding.paymentTaken",
                        ledgerSeq);
                link.rule(
                        p == null || p.paid().compareTo(d) == 0,
                        "donation",
                        "medicalFunding.amountDiffers",
                        p == null ? "" : Money.format(p.paid()));
                link.throwIfAny();
            }
            MedicalFunding m = new MedicalFunding(recordId, c, t, i, d, n, ledgerSeq, version);
            if (!repo.saveFunding(m, user.username(), LocalDateTime.now(clock))) {
                throw new StaleRecordException(null, null);
            }
            audit.record(
                    version < 0 ? AuditLog.CREATE : AuditLog.EDIT,
                    "medical_funding",
                    recordId,
                    AuditSummary.of(
                            "auditSummary.medicalFunding",
                            c.toPlainString(),
                            t.toPlainString(),
                            i.toPlainString(),
                            d.toPlainString(),
                            n.toPlainString(),
                            ledgerSeq == null ? "—" : "#" + ledgerSeq),
                    null);
            return repo.funding(recordId).orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public Optional<MedicalFunding> funding(long recordId) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.funding(recordId);
    }

    /** Surgeries and treatments per year by paying source: how many each source paid for and how much. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public List<MedicalFunding.YearTotal> fundingByYear(int fromYear, int toYear) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.fundingByYear(fromYear, toYear);
    }

    /** The funding of each of the resident's surgeries and treatments that has one, by record id. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VIEW)
    public Map<Long, MedicalFunding> fundings(long residentId) {
        user.require(AppModule.MEDICAL, Action.VIEW);
        return repo.fundings(residentId);
    }

    /** How many payments the funding form offers: the newest are the ones a fresh surgery was paid with. */
    static final int PAYMENT_CHOICES = 200;

    /**
     * The medical fund's payments a donation share of this record may name: not reversed, and paying for no other
     * record. Only the payment's number, date, amount, payee and note: what the funding form needs to pick it.
     */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.CREATE)
    public List<PaymentChoice> openMedicalPayments(long recordId) {
        user.require(AppModule.MEDICAL, Action.CREATE);
        return repo.openMedicalPayments(recordId, PAYMENT_CHOICES);
    }

    /** An application withdrawn or refused: voided with the reason, it stays in the list, marked. */
    @RequiresPermission(module = AppModule.MEDICAL, action = Action.VOID)
    public void voidTomorrowPlanApplication(long id, String reason) {
        user.require(AppModule.MEDICAL, Action.VOID);
        Corrections.voidEntry(
                tx, audit, repo.voidableApplication(user.username(), LocalDateTime.now(clock)), id, reason);
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** A share's upper limit: 一亿, as a ledger amount's; the column's own limit read as 999999999999.99 in a refusal. */
    private static final BigDecimal MAX = new BigDecimal("100000000.00");

    private static BigDecimal share(Checks checks, String field, BigDecimal value) {
        return value == null
                ? BigDecimal.ZERO
                : checks.range(field, "medicalFunding." + field, value, BigDecimal.ZERO, MAX);
    }
}
