package org.huyou.openday;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.huyou.common.Checks;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.PdfText;
import org.huyou.common.io.SafeFileNames;
import org.huyou.db.SettingsRepository;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open day itself: each visitor (or group leader) checks in with a document, a phone and the visit rules
 * acknowledged, and gets the reception slip 《来访接待单》 numbered per year. Names, document numbers and phones are
 * removed N days after the visit (default 180), keeping the counts, and so are the slips printed into the data
 * folder, which carry the visitor's (and the group members') names; the removal is audited.
 */
public final class VisitService extends ServiceBase {

    /** A slip's file as {@link #printSlip} names it in either language: "来访接待单_2026-0001.pdf". */
    private static final Pattern SLIP_FILE = Pattern.compile(".*_(\\d{4}-\\d{4,})(?: \\(\\d+\\))?\\.pdf");

    private final VisitRepository repo;
    private final SettingsRepository settings;
    /** Where the open-day screen prints the slips (the data folder's "slips"), swept when personal data goes. */
    private final Path slipsDir;

    public VisitService(VisitRepository repo, SettingsRepository settings, ServiceContext context, Path slipsDir) {
        super(context);
        this.repo = repo;
        this.slipsDir = slipsDir;
        this.settings = settings;
    }

    /** What front desk fills in at the door. */
    public record CheckIn(
            LocalDate date,
            String slot,
            Long bookingId,
            String name,
            String organisation,
            Visit.DocumentType documentType,
            String documentNo,
            String phone,
            int headCount,
            String host,
            boolean rulesAcknowledged) {}

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.CREATE)
    public Visit checkIn(CheckIn c) {
        user.require(AppModule.OPEN_DAY, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("checkIn", "visit.name", c);
        checks.throwIfAny();
        checks.pastDate("date", "booking.date", c.date());
        String slot = checks.text("slot", "booking.slot", c.slot(), 11, true);
        String name = checks.text("name", "visit.name", c.name(), 100, true);
        String org = checks.text("organisation", "booking.organisation", c.organisation(), 200, false);
        checks.required("documentType", "visit.documentType", c.documentType());
        String doc = checks.text("documentNo", "visit.documentNo", c.documentNo(), 40, true);
        if (c.documentType() == Visit.DocumentType.ID_CARD && doc != null) {
            checks.rule(IdNumber.check(IdNumber.normalize(doc)).isEmpty(), "documentNo", "visit.badIdNumber");
        }
        // a group's booking holds its contact's phone: the members who come with it need not give theirs
        boolean withGroup = c.bookingId() != null
                && repo.bookingKind(c.bookingId())
                        .filter(k -> k == Booking.Kind.GROUP)
                        .isPresent();
        String phone = checks.phone("phone", "booking.phone", c.phone(), !withGroup);
        checks.range("headCount", "booking.headCount", c.headCount(), 1, 500);
        String host = checks.text("host", "visit.host", c.host(), 100, true);
        checks.rule(c.rulesAcknowledged(), "rulesAcknowledged", "visit.rulesRequired");
        checks.throwIfAny();
        String document = c.documentType() == Visit.DocumentType.ID_CARD ? IdNumber.normalize(doc) : doc;
        try {
            return tx.inTransaction(() -> {
                if (document != null) {
                    // the same person twice at one session is a slip of the desk (or a lent card): name the first
                    repo.findCheckIn(c.date(), slot, c.documentType(), document)
                            .ifPresent(first -> refuseDuplicate(document, first, null));
                }
                if (c.bookingId() != null) {
                    admit(c.bookingId(), c.date());
                }
                return insertCheckIn(c, slot, name, org, document, phone, host);
            });
        } catch (VisitRepository.DuplicateCheckIn raced) {
            // another desk committed the same person between our look-up and our insert: the unique index refused
            // it, the transaction is rolled back (PostgreSQL allows no further query in it), so look again outside
            log().info("A check-in raced another desk's check-in of the same document; refused by the index");
            Visit first = repo.findCheckIn(c.date(), slot, c.documentType(), document)
                    .orElseThrow(() -> new UserFacingException(raced, "error.unexpected"));
            refuseDuplicate(document, first, raced);
            throw raced;
        }
    }

    /** Refuses a check-in against a booking that gives no entry to this session ({@link Booking#admissionRefusal}). */
    private void admit(long bookingId, LocalDate day) {
        Booking b = repo.booking(bookingId).orElseThrow(() -> new UserFacingException("error.notFound"));
        UserFacingException refused = b.admissionRefusal(day);
        if (refused != null) {
            throw refused;
        }
    }

    private static void refuseDuplicate(String document, Visit first, RuntimeException cause) {
        throw new UserFacingException(
                cause,
                "visit.alreadyCheckedIn",
                IdNumber.mask(document),
                first.visitorName(),
                first.slipNo(),
                first.checkedInAt()
                        .toLocalTime()
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString());
    }

    private Visit insertCheckIn(
            CheckIn c, String slot, String name, String org, String document, String phone, String host) {
        String slip = c.date().getYear() + "-"
                + String.format("%04d", repo.nextSlipNo(c.date().getYear()));
        LocalDateTime now = checkedInAt(c.date(), slot);
        long id = repo.insert(
                new Visit(
                        0,
                        c.date(),
                        slot,
                        c.bookingId(),
                        name,
                        org,
                        c.documentType(),
                        document,
                        phone,
                        c.headCount(),
                        host,
                        slip,
                        now,
                        false),
                user.username());
        audit.record(AuditLog.CREATE, "openday_visit", id, AuditSummary.of("auditSummary.visitCheckedIn", slip), null);
        return repo.find(id).orElseThrow();
    }

    /**
     * When the visitor came: now, if now is in the slot; a check-in written up later (after the slot, or on a past
     * day) is kept inside the slot it belongs to, never at the clock's time outside the session (the audit log keeps
     * when it was really typed). Clamped: before the slot its start, after it its end, another day its start.
     */
    LocalDateTime checkedInAt(LocalDate day, String slotText) {
        OpenDayRule.Slot slot;
        try {
            slot = OpenDayRule.Slot.parse(slotText);
        } catch (RuntimeException notASlot) {
            throw new UserFacingException(notASlot, "booking.noSlot", slotText);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (!now.toLocalDate().equals(day) || now.toLocalTime().isBefore(slot.start())) {
            return day.atTime(slot.start());
        }
        return now.toLocalTime().isAfter(slot.end()) ? day.atTime(slot.end()) : now;
    }

    /** Writes the reception slip: number, date, slot, visitor or group, head count, host and the rules. */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.CREATE)
    public Path printSlip(long visitId, Path dir, String homeName) {
        user.require(AppModule.OPEN_DAY, Action.CREATE);
        Visit v = repo.find(visitId).orElseThrow(() -> new UserFacingException("error.notFound"));
        Path file = SafeFileNames.inside(dir, Messages.t("visit.slipFile", v.slipNo()), "pdf");
        try (PdfText pdf = new PdfText(ChineseFont.require())) {
            Files.createDirectories(dir);
            pdf.heading(homeName, 16);
            pdf.heading(Messages.t("visit.slipTitle"), 14);
            pdf.line(Messages.t("visit.slipNo", v.slipNo()));
            pdf.line(Messages.t("visit.slipDate", v.date().toString(), v.slot()));
            pdf.line(Messages.t(
                    "visit.slipVisitor",
                    v.organisation() == null
                            ? v.visitorName()
                            : Messages.t("visit.orgWithLeader", v.organisation(), v.visitorName())));
            pdf.line(Messages.t("visit.slipCount", v.headCount()));
            List<Visit> group = v.bookingId() == null ? List.of() : repo.forBooking(v.bookingId());
            if (group.size() > 1) {
                pdf.line(Messages.t(
                        "visit.slipGroup",
                        group.size(),
                        group.stream().mapToInt(Visit::headCount).sum(),
                        Messages.list(group.stream()
                                .map(g -> Messages.t("visit.slipMember", g.visitorName(), g.slipNo()))
                                .toList())));
            }
            pdf.line(Messages.t("visit.slipHost", Accounts.displayName(v.host())));
            pdf.gap();
            pdf.heading(Messages.t("visit.rulesTitle"), 12);
            pdf.line(Messages.t("visit.rule1"));
            pdf.line(Messages.t("visit.rule2"));
            pdf.line(Messages.t("visit.rule3"));
            pdf.gap();
            pdf.line(Messages.t("visit.slipSigned"));
            pdf.save(file);
        } catch (IOException e) {
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        }
        return file;
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public List<Visit> visits(LocalDate date) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return repo.forSession(date);
    }

    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.VIEW)
    public List<VisitMonth> statistics(int year) {
        user.require(AppModule.OPEN_DAY, Action.VIEW);
        return repo.stats(year);
    }

    /**
     * The retention rule applied at every login, whoever logs in: the home's policy, not a user's decision, so it needs
     * no permission; the audit row names the login that ran it.
     */
    @AnyUser
    public int removeExpiredPersonalDataAutomatically() {
        user.requireLoggedIn();
        return purge("auditSummary.purgeAutomatic");
    }

    /**
     * Removes visitors' names, document numbers and phones older than the retention period, and the slip files of
     * every visit whose personal data is gone (those of an earlier removal too); returns how many visits.
     */
    @RequiresPermission(module = AppModule.OPEN_DAY, action = Action.EDIT)
    public int removeExpiredPersonalData() {
        user.require(AppModule.OPEN_DAY, Action.EDIT);
        return purge("auditSummary.purgeOnRequest");
    }

    private int purge(String how) {
        int days = OpenDayService.retentionDays(settings);
        LocalDate before = LocalDate.now(clock).minusDays(days);
        return tx.inTransaction(() -> {
            int n = repo.removePersonalData(before, LocalDateTime.now(clock));
            int files = deleteSlips(repo.slipNosWithoutPersonalData());
            if (n > 0 || files > 0) {
                audit.record(
                        AuditLog.PERSONAL_DATA_REMOVED,
                        "openday_visit",
                        "before " + before,
                        AuditSummary.of("auditSummary.visitsPurgedWithSlips", n, files, AuditSummary.label(how)),
                        null);
            }
            return n;
        });
    }

    /**
     * Deletes the printed slips of these visits. A slip is the visitor's name on paper kept in the data folder, so
     * it goes with the name (reprinting one gives a slip without it). A file that cannot be deleted now is tried again
     * at the next login.
     */
    private int deleteSlips(Set<String> slipNos) {
        if (slipNos.isEmpty() || slipsDir == null || !Files.isDirectory(slipsDir)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(slipsDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = SLIP_FILE.matcher(f.getFileName().toString());
                if (m.matches() && slipNos.contains(m.group(1))) {
                    try {
                        Files.delete(f);
                        deleted++;
                    } catch (IOException e) {
                        log().warn("A reception slip past its retention could not be deleted: {}", e.toString());
                    }
                }
            }
        } catch (IOException e) {
            log().warn("The reception slips' folder could not be read: {}", e.toString());
        }
        return deleted;
    }

    private static Logger log() {
        return LoggerFactory.getLogger(VisitService.class);
    }
}
