package org.huyou.donations;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.SafeFileNames;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The donation ledger: money and goods in, money and goods out, each an entry appended to a hash chain. Nothing is
 * edited: a mistake is reversed by a new entry. Restricted funds pay only for their purpose, no fund and no stock goes
 * below zero on any day, and neither a month the director closed nor a published disclosure's period (nor any day
 * before its end) takes new entries.
 *
 * <p>This is the façade every caller uses: each public method checks the permission, then does the work or hands it
 * to one of the package's parts: {@link DonorRegister} (donors), {@link FundPayments} (payments and their approval),
 * {@link GoodsStock} (goods in and out), {@link LedgerImports} (moving in), {@link ChainVerification} (checking the
 * chain) and {@link LedgerChain} (appending to it).
 */
public final class LedgerService extends ServiceBase {

    public static final BigDecimal DEFAULT_APPROVAL_LIMIT = new BigDecimal("5000.00");
    private static final String APPROVAL_LIMIT = "donations.approvalLimit";

    private final LedgerRepository repo;
    private final DisclosureRepository disclosures;
    private final SettingsRepository settings;
    private final LedgerChain chain;
    private final DonorRegister donors;
    private final LedgerImports imports;
    private final ChainVerification verification;
    private final FundPayments payments;
    private final GoodsStock goods;
    private final DonationPapers papers;

    /**
     * {@code approvers} gives the login names of the active accounts that may approve payments (whatever roles give
     * them that), so a payment above the limit finds its second person.
     */
    public LedgerService(
            LedgerRepository repo,
            DisclosureRepository disclosures,
            SettingsRepository settings,
            ServiceContext context,
            Supplier<Collection<String>> approvers,
            DonationPapers papers) {
        super(context);
        this.repo = repo;
        this.papers = papers;
        this.disclosures = disclosures;
        this.settings = settings;
        this.chain = new LedgerChain(repo, disclosures, audit, clock);
        this.donors = new DonorRegister(repo, context);
        this.imports = new LedgerImports(repo, context, chain);
        this.verification = new ChainVerification(repo, disclosures, chain);
        this.goods = new GoodsStock(repo, context, chain);
        this.payments = new FundPayments(repo, context, chain, approvers, this::approvalLimit);
    }

    // Donors, funds, goods items

    /**
     * The donors found by what was typed (part of the name, or the start of its pinyin or initials), at most
     * {@code limit}, the anonymous donor first, then in pinyin order: the donation forms' pickers ask as the user types,
     * a page at a time, instead of loading a register of tens of thousands.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<Donor> donors(String query, int limit) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return donors.find(query, limit);
    }

    /** The names of these donors by id: what the ledger list shows beside its entries. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public Map<Long, String> donorNames(Collection<Long> ids) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return donors.names(ids);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Donor createDonor(NewDonor donor) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return donors.create(donor);
    }

    /** A donor as a form or an import row gives it, before the checks. */
    public record NewDonor(
            Donor.Kind kind,
            String name,
            Donor.Naming naming,
            String phone,
            String address,
            String contactPerson,
            String note) {}

    /**
     * What {@link #importDonors} would refuse, by position in the list (from 0): the donor form's checks, and a donor
     * given twice (same name and phone, the phone by its digits) in the list or already in the register. Anonymous
     * donors are never the same donor twice.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<Integer, List<FieldError>> donorRefusals(List<NewDonor> donors) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return this.donors.refusals(donors);
    }

    /**
     * A home's donor register moving in: every donor checked as the form checks one, all added in one transaction
     * with one audit row each (as if entered by hand) and one for the import, or none.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public int importDonors(List<NewDonor> donors, String source) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return this.donors.importAll(donors, source);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<Fund> funds() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.registers().funds();
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<GoodsItem> items() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.registers().items();
    }

    // Money

    /** Records a money donation with the next receipt number of its year; the entry cannot be edited afterwards. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public LedgerEntry recordDonation(
            long donorId,
            long fundId,
            LocalDate date,
            BigDecimal amount,
            LedgerEntry.Channel channel,
            String description) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        Checks checks = new Checks(chain.today());
        checks.pastDate("date", "ledger.date", date);
        BigDecimal a = LedgerAmounts.money(checks, amount);
        checks.required("channel", "ledger.channel", channel);
        String d = checks.text("description", "ledger.description", description, 300, false);
        checks.throwIfAny();
        repo.registers().donor(donorId).orElseThrow(() -> new UserFacingException("donor.notFound"));
        fund(fundId);
        return tx.inTransaction(() -> {
            chain.openPeriod(date);
            String receipt = chain.nextReceiptNo(date);
            return chain.append(
                    LedgerEntry.builder()
                            .date(date)
                            .kind(LedgerEntry.Kind.DONATION)
                            .fundId(fundId)
                            .amount(a)
                            .donorId(donorId)
                            .channel(channel)
                            .description(d)
                            .receiptNo(receipt)
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build(),
                    AuditSummary.of("auditSummary.receipt", LedgerEntry.Kind.DONATION, receipt));
        });
    }

    /** A payment or its request: above the approval limit, someone without approval gets a request for the director. */
    public record UseOutcome(LedgerEntry entry, PaymentRequest request) {}

    /** A payment with no reason to approve it oneself: see the next method. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public UseOutcome recordUse(Payment payment) {
        return recordUse(payment, null);
    }

    /**
     * A payment, or above the approval limit a request for someone else's approval. Separation of duties: whoever
     * records a payment above the limit never approves it too, whatever roles they hold; an approver's own payment
     * goes as a request to another approver. Only where the home has no other approver is it refused
     * ({@link SecondApproverException}) unless {@code selfApprovalReason} says why it cannot wait; that reason is
     * audited.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public UseOutcome recordUse(Payment payment, String selfApprovalReason) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return payments.recordUse(payment, selfApprovalReason);
    }

    /** Approves someone else's request: see the next method. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public LedgerEntry approveRequest(long requestId, int version) {
        return approveRequest(requestId, version, null);
    }

    /**
     * Approves a request and pays it. One's own request is another approver's to decide; only where there is none
     * may its requester approve it, with {@code selfApprovalReason} (audited).
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public LedgerEntry approveRequest(long requestId, int version, String selfApprovalReason) {
        user.require(AppModule.DONATIONS, Action.APPROVE);
        return payments.approveRequest(requestId, version, selfApprovalReason);
    }

    /** Rejects a request with the reason the requester will read beside it. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public void rejectRequest(long requestId, int version, String reason) {
        user.require(AppModule.DONATIONS, Action.APPROVE);
        payments.rejectRequest(requestId, version, reason);
    }

    /** A request as the approval list shows it: with its fund and the fund's balance today. */
    public record RequestLine(PaymentRequest request, Fund fund, BigDecimal fundBalance) {}

    /** How long a decided request stays on its requester's list, so a rejection and its reason are seen. */
    public static final int DECIDED_SHOWN_DAYS = 30;

    /**
     * The requests waiting for the director, then this user's own requests decided in the last 30 days (approved, or
     * rejected with the reason), each with its fund and balance.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<RequestLine> requestLines() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        Map<Long, BigDecimal> b = repo.balances(null);
        Map<Long, Fund> funds = new HashMap<>();
        repo.registers().funds().forEach(f -> funds.put(f.id(), f));
        return repo.requests().requestsToShow(user.username(), chain.now().minusDays(DECIDED_SHOWN_DAYS)).stream()
                .map(r -> new RequestLine(r, funds.get(r.fundId()), b.getOrDefault(r.fundId(), BigDecimal.ZERO)))
                .toList();
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<PaymentRequest> pendingRequests() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.requests().pendingRequests();
    }

    /** Corrects an entry by its opposite, dated today; the original stays as it was. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public LedgerEntry reverse(long seq, String reason) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        Checks checks = new Checks(chain.today());
        String why = checks.lines("reason", "ledger.reverseReason", reason, 300, true);
        checks.throwIfAny();
        LedgerEntry original = repo.entry(seq).orElseThrow(() -> new UserFacingException("error.notFound"));
        refuseIf(original.reversalRefusal(false));
        return tx.inTransaction(() -> {
            refuseIf(original.reversalRefusal(repo.reversed(seq)));
            // dated today, never back: a reversal corrects a published period from a later one
            LocalDate date = chain.today();
            chain.openPeriodForReversal(date);
            if (original.money() && original.amount().signum() > 0) {
                payments.requireCovered(fund(original.fundId()), date, original.amount());
            }
            if (!original.money() && original.quantity().signum() > 0) {
                goods.requireStock(original.itemId(), date, original.quantity());
            }
            return chain.append(
                    LedgerEntry.builder()
                            .date(date)
                            .kind(LedgerEntry.Kind.REVERSAL)
                            .fundId(original.fundId())
                            .amount(
                                    original.amount() == null
                                            ? null
                                            : original.amount().negate())
                            .donorId(original.donorId())
                            .channel(original.channel())
                            .purpose(original.purpose())
                            .description(why)
                            .itemId(original.itemId())
                            .quantity(
                                    original.quantity() == null
                                            ? null
                                            : original.quantity().negate())
                            .goodsValue(
                                    original.goodsValue() == null
                                            ? null
                                            : original.goodsValue().negate())
                            .reversesSeq(seq)
                            .createdAt(chain.now())
                            .createdBy(user.username())
                            .build(),
                    AuditSummary.of("auditSummary.reverses", seq, why));
        });
    }

    /**
     * Writes the printable receipt of a donation of money or goods as it is issued (with its recording); the file is
     * the donor's copy. Named in Chinese, as the receipt is.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Path printReceipt(long seq, Path dir, String homeName) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        LedgerEntry e = receipted(seq);
        Path file = SafeFileNames.inside(dir, Messages.in(Messages.CHINESE, "receipt.fileName", e.receiptNo()), "pdf");
        writeReceipt(e, null, dir, file, homeName);
        return file;
    }

    /**
     * Writes the receipt of any entry of the ledger again (补打): the same number, marked as a reprint with today's
     * date, in a file of its own beside the first (never over it), and audited. A reversed donation's receipt is not
     * reprinted: the donation no longer stands.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Path reprintReceipt(long seq, Path dir, String homeName) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        LedgerEntry e = receipted(seq);
        refuseIf(whyNoReceipt(e, repo.reversed(seq)));
        LocalDate today = chain.today();
        Path file = SafeFileNames.unique(
                dir, Messages.in(Messages.CHINESE, "receipt.reprintFileName", e.receiptNo(), today.toString()), "pdf");
        writeReceipt(e, today, dir, file, homeName);
        try {
            audit.record(
                    AuditLog.EXPORT,
                    "ledger_entry",
                    seq,
                    AuditSummary.of("auditSummary.receiptReprint", e.receiptNo()),
                    null);
        } catch (RuntimeException ex) {
            // an unaudited reprint is not left lying about
            try {
                Files.deleteIfExists(file);
            } catch (IOException gone) {
                ex.addSuppressed(gone);
            }
            throw ex;
        }
        return file;
    }

    /**
     * Why the entry has no receipt to print, or null: only a donation of money or goods has one, and a reversed one
     * is not printed again. The ledger screen disables 补打收据 by it.
     */
    public static UserFacingException whyNoReceipt(LedgerEntry e, boolean reversed) {
        if (e.kind() != LedgerEntry.Kind.DONATION && e.kind() != LedgerEntry.Kind.GOODS_IN) {
            return new UserFacingException("receipt.notADonation");
        }
        if (e.receiptNo() == null) {
            // goods recorded before goods had receipts, or brought in by a move-in: a chained entry is never renumbered
            return new UserFacingException("receipt.unnumbered", e.seq());
        }
        return reversed ? new UserFacingException("receipt.reversed", e.receiptNo()) : null;
    }

    private LedgerEntry receipted(long seq) {
        LedgerEntry e = repo.entry(seq).orElseThrow(() -> new UserFacingException("receipt.notADonation"));
        refuseIf(whyNoReceipt(e, false));
        return e;
    }

    private void writeReceipt(LedgerEntry e, LocalDate reprintedOn, Path dir, Path file, String homeName) {
        Donor donor = repo.registers().donor(e.donorId()).orElseThrow();
        DonationPapers.Receipt receipt = e.kind() == LedgerEntry.Kind.GOODS_IN
                ? new DonationPapers.Receipt(
                        homeName,
                        e,
                        donor,
                        null,
                        repo.registers().item(e.itemId()).orElseThrow(),
                        reprintedOn)
                : new DonationPapers.Receipt(homeName, e, donor, fund(e.fundId()), null, reprintedOn);
        try {
            Files.createDirectories(dir);
            papers.receipt(receipt, file, ChineseFont.require());
        } catch (IOException ex) {
            throw new UserFacingException(ex, "disclosure.writeFailed", dir.toString());
        }
    }

    // Goods

    /** Goods received from a donor, as typed: checked by {@link #recordGoodsIn}. */
    public record GoodsIn(
            long donorId,
            LocalDate date,
            String itemName,
            String unit,
            GoodsItem.Category category,
            BigDecimal quantity,
            BigDecimal value,
            LedgerEntry.Condition condition,
            LocalDate expiry,
            String description) {}

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public LedgerEntry recordGoodsIn(GoodsIn in) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return goods.recordIn(in);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public LedgerEntry issueGoods(
            long itemId, LocalDate date, BigDecimal quantity, LedgerEntry.IssuedTo issuedTo, String description) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return goods.issue(itemId, date, quantity, issuedTo, description);
    }

    // Balances, periods, verification

    public record FundBalance(Fund fund, BigDecimal balance) {}

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<FundBalance> balances(LocalDate on) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        Map<Long, BigDecimal> b = repo.balances(on);
        return repo.registers().funds().stream()
                .map(f -> new FundBalance(f, b.getOrDefault(f.id(), BigDecimal.ZERO)))
                .toList();
    }

    /**
     * An item's stock; of it, {@code expired} is past its expiry today (counted apart: it is not to be issued). For a
     * past day, expired is zero (the expiry applies to what is on the shelf now).
     */
    public record Stock(GoodsItem item, BigDecimal quantity, BigDecimal expired) {

        public Stock(GoodsItem item, BigDecimal quantity) {
            this(item, quantity, BigDecimal.ZERO);
        }

        /** What can be issued: the stock less what has expired. */
        public BigDecimal issuable() {
            return quantity.subtract(expired);
        }
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<Stock> stock(LocalDate on) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return goods.stock(on);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<LedgerEntry> entries(long beforeSeq, int limit) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.recent(beforeSeq, limit);
    }

    /** How far ahead goods count as expiring. */
    public static final int EXPIRY_WINDOW_DAYS = 30;

    /** Food and medicine in stock that expire within 30 days (or have expired): to use first or to check. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<ExpiringGoods> expiringGoods() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return goods.expiring();
    }

    /** Money in and out per month over the last twelve months: the finance screen's chart. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<MonthTotals> lastTwelveMonths() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.reports().monthTotals(YearMonth.now(clock).minusMonths(11));
    }

    /** Closes a month: no entry dated inside it is accepted afterwards. */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public void closePeriod(YearMonth month) {
        user.require(AppModule.DONATIONS, Action.APPROVE);
        if (month == null || !month.isBefore(YearMonth.now(clock))) {
            throw new UserFacingException("ledger.closeOnlyPast");
        }
        tx.inTransaction(() -> {
            if (repo.periods().periodClosed(month.toString())) {
                throw new UserFacingException("ledger.alreadyClosed", month.toString());
            }
            repo.periods().closePeriod(month.toString(), user.username(), chain.now());
            audit.record(
                    AuditLog.EDIT,
                    "closed_period",
                    month.toString(),
                    AuditSummary.of("auditSummary.periodClosed", month),
                    null);
        });
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<String> closedPeriods() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return repo.periods().closedPeriods();
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public BigDecimal approvalLimit() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return settings.get(APPROVAL_LIMIT).map(BigDecimal::new).orElse(DEFAULT_APPROVAL_LIMIT);
    }

    @RequiresPermission(module = AppModule.DONATIONS, action = Action.APPROVE)
    public void setApprovalLimit(BigDecimal limit) {
        user.require(AppModule.DONATIONS, Action.APPROVE);
        Checks checks = new Checks(chain.today());
        BigDecimal l = LedgerAmounts.money(checks, limit);
        checks.throwIfAny();
        if (l.compareTo(approvalLimit()) == 0) {
            return; // nothing changed: no audit row for it
        }
        tx.inTransaction(() -> {
            settings.put(APPROVAL_LIMIT, l.toPlainString());
            audit.record(
                    AuditLog.EDIT,
                    "app_setting",
                    APPROVAL_LIMIT,
                    AuditSummary.of("auditSummary.approvalLimit", l.toPlainString()),
                    null);
        });
    }

    /**
     * Recomputes the whole chain and checks it against the code of every disclosure made; names the first entry
     * that does not match, or the first disclosure the ledger contradicts. A whole chain moves the checkpoint.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public LedgerVerifier.Result verify() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return verification.verify();
    }

    /**
     * What opening the ledger screen checks: the entries after the last checkpoint (the whole chain when there is
     * none, or when its entry changed), and every published code. The checkpoint is a convenience, not evidence:
     * {@link #verify()} and {@code verify-ledger} always walk the whole chain.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public LedgerVerifier.Result verifySinceCheckpoint() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return verification.verifySinceCheckpoint();
    }

    /**
     * Checks a code typed from a printed disclosure (the register in the database could itself have been edited):
     * the whole chain, then this code, then the register's codes.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public LedgerVerifier.Result verifyCode(String code) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return verification.verifyCode(code);
    }

    /** How a typed code differs from what the ledger holds, when only a typing slip explains it. */
    public record CodeSlip(PublishedCode typed, PublishedCode held, int differing) {

        /** The entry number was mistyped: the ledger holds the typed hash at another entry. */
        public boolean wrongEntry() {
            return typed.seq() != held.seq();
        }

        /** What the screen and {@code verify-ledger --code} say of it (once the ledger itself verifies). */
        public String sentence() {
            return wrongEntry()
                    ? Messages.t("cli.codeWrongEntry", typed.code(), held.seq(), typed.seq())
                    : Messages.t("cli.codeMistyped", typed.code(), held.seq(), differing, held.code());
        }
    }

    /**
     * A code the ledger contradicts only by a typing slip: its entry carries a hash differing in one or two
     * characters, or its hash is another entry's (each hash covers its entry's number, so no rewrite can move it).
     * Empty when the difference is what a changed ledger would show.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public Optional<CodeSlip> codeSlip(String code) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return verification.codeSlip(code);
    }

    /**
     * The published disclosures (period, when, by whom) that carry a code typed from paper, the earliest first. Empty:
     * no disclosure of this home was published with it, whatever the ledger holds; a contradiction is then more likely
     * a typing slip than a rewritten ledger, and a code the ledger holds is still no published disclosure's.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public List<PublishedDisclosure> disclosuresWithCode(String code) {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return verification.publishedWith(code);
    }

    // Moving in: each fund's balance carried in, and the donations received before the move

    /** A fund's balance on the move-in day, as an import row gives it (the fund by its name). */
    public record OpeningBalance(String fund, LocalDate date, BigDecimal amount, String note) {}

    /**
     * A donation received before the move, as an import row gives it: money (fund, amount, channel) or goods (item,
     * quantity, unit...), from a donor named as the register names them (created when not registered yet).
     */
    public record PastDonation(
            LocalDate date,
            String donor,
            Donor.Kind donorKind,
            Donor.Naming naming,
            String fund,
            BigDecimal amount,
            LedgerEntry.Channel channel,
            String item,
            BigDecimal quantity,
            String unit,
            GoodsItem.Category category,
            LocalDate expiry,
            BigDecimal value,
            String note) {

        public boolean money() {
            return fund != null || amount != null || channel != null;
        }

        public boolean goods() {
            return item != null || quantity != null || unit != null || category != null;
        }
    }

    /** What {@link #importOpeningBalances} would refuse, by position in the list (from 0). */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<Integer, List<FieldError>> openingRefusals(List<OpeningBalance> rows) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return imports.openingRefusals(rows);
    }

    /**
     * Each fund's balance on the home's move-in day, one opening entry (期初余额) per fund appended to the chain, all
     * in one transaction with an audit row each and one for the import, or none. A fund takes a second opening
     * balance only once the first is reversed; the opening must be the fund's earliest entry, in a month not closed
     * and after the last published disclosure.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public int importOpeningBalances(List<OpeningBalance> rows, String source) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return imports.importOpenings(rows, source);
    }

    /** What {@link #importDonationHistory} would refuse, by position in the list (from 0). */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public Map<Integer, List<FieldError>> historyRefusals(List<PastDonation> rows) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return imports.historyRefusals(rows);
    }

    /**
     * Donations received before the move, each a ledger entry with its original date (a money donation with the next
     * receipt number of its year, or goods received), appended in date order; donors not registered yet are added.
     * All in one transaction, audited as if entered one by one plus one row for the import, or nothing. Dates in a
     * closed month, or on or before the end of the last published disclosure's period, are refused: a published
     * disclosure never changes.
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.CREATE)
    public int importDonationHistory(List<PastDonation> rows, String source) {
        user.require(AppModule.DONATIONS, Action.CREATE);
        return imports.importHistory(rows, source);
    }

    /**
     * The first day of this month a dated import row would be taken on: past the months closed and the last published
     * disclosure, never after today (an example in a template; the move-in day is the user's to write).
     */
    @RequiresPermission(module = AppModule.DONATIONS, action = Action.VIEW)
    public LocalDate firstOpenDay() {
        user.require(AppModule.DONATIONS, Action.VIEW);
        return imports.firstOpenDay();
    }

    // The chain

    /** For the demo home's seed data only: an entry appended as given, in the caller's transaction. */
    LedgerEntry seed(LedgerEntry draft, boolean receipted) {
        return chain.seed(draft, receipted);
    }

    private Fund fund(long id) {
        return payments.fund(id);
    }

    private static void refuseIf(UserFacingException refused) {
        if (refused != null) {
            throw refused;
        }
    }
}
