package org.huyou.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.huyou.care.CareDomain;
import org.huyou.care.Corrections;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderSource;
import org.huyou.care.TimelineEntry;
import org.huyou.common.Checks;
import org.huyou.common.FieldError;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.io.PdfPages;
import org.huyou.common.io.SafeFileNames;
import org.huyou.common.io.WriteBeside;
import org.huyou.security.Action;
import org.huyou.security.AnyUser;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;

/**
 * The resident's documents (材料): added from files, read and saved as copies, voided or replaced, never deleted. The
 * bytes go into the home's encrypted database as a stream; the type is read from the bytes, not the file's name.
 * Medical kinds (体检/医疗报告, 手术同意书) also need the medical module's VIEW, and the scans that show the ID number
 * (身份证, 户口簿) the ID numbers' VIEW, for every use.
 */
public final class DocumentService extends ServiceBase {

    /** The largest file accepted: a scanned booklet at 300 dpi; larger is a scan to redo at a lower resolution. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** How many days ahead an expiring document appears on the reminders screen. */
    public static final int EXPIRY_DAYS = 30;
    /** The longer side, in pixels, an image is reduced to on request: sharp on screen and on A4 at about 170 dpi. */
    public static final int REDUCED_SIDE = 2000;
    /** Days after admission by which the mandatory papers should be on file. */
    public static final int MISSING_GRACE_DAYS = 30;

    static final String ENTITY = "resident_document";

    private final DocumentRepository repo;

    public DocumentService(DocumentRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
    }

    /** What the person adding a document says about it. */
    public record Details(
            DocumentKind kind, String title, LocalDate paperDate, LocalDate validUntil, boolean reduceImage) {

        /** As the person gave it, the file kept as it is. */
        public Details(DocumentKind kind, String title, LocalDate paperDate, LocalDate validUntil) {
            this(kind, title, paperDate, validUntil, false);
        }
    }

    /** What the file turned out to be: its type, size and SHA-256. */
    record Inspected(ContentType type, long size, String sha256) {}

    /** The resident's documents this user may read (see {@link DocumentKind#alsoNeeds()}). */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public List<Document> documents(long residentId) {
        user.require(AppModule.DOCUMENTS, Action.VIEW);
        return repo.forResident(residentId).stream()
                .filter(d -> mayRead(d.kind()))
                .toList();
    }

    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public Document add(long residentId, Details details, Path file) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        return store(residentId, details, file, null, null, null);
    }

    /**
     * Adds the file linked at once to a care entry of the same resident ({@code link} null: none), in one
     * transaction: a refused link keeps the file out too, so nothing is half done.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public Document add(long residentId, Details details, Path file, CareEntry.Target link) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        return store(residentId, details, file, null, null, link);
    }

    /**
     * A new version of a document: the new one is added naming the old, the old one voided with the reason and kept.
     * It voids, so it needs VOID as well as CREATE. What {@code details} leaves blank (kind, title, dates) is the
     * old version's: a new scan of the same paper keeps its expiry unless a new one is given.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VOID)
    public Document replace(long documentId, String reason, Details details, Path file) {
        user.require(AppModule.DOCUMENTS, Action.VOID);
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        Document old = readable(documentId);
        if (old.voided()) {
            throw new UserFacingException("error.alreadyVoided");
        }
        Details given = details == null ? new Details(null, null, null, null) : details;
        Details kept = new Details(
                given.kind() == null ? old.kind() : given.kind(),
                given.title() == null || given.title().isBlank() ? old.title() : given.title(),
                given.paperDate() == null ? old.paperDate() : given.paperDate(),
                given.validUntil() == null ? old.validUntil() : given.validUntil());
        return store(old.residentId(), kept, file, old, reason, null);
    }

    /**
     * The form's checks that need no file (the kind, the dates), so a screen refuses before the user goes looking
     * for a file rather than after; adding checks them again.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public void checkForm(Details details) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        Checks checks = new Checks(LocalDate.now(clock));
        checks.required("kind", "document.kind", details.kind());
        dateChecks(checks, details);
        checks.throwIfAny();
    }

    private static void dateChecks(Checks checks, Details details) {
        checks.notAfterToday("paperDate", "document.paperDate", details.paperDate());
        checks.rule(
                details.validUntil() == null
                        || details.paperDate() == null
                        || !details.validUntil().isBefore(details.paperDate()),
                "validUntil",
                "document.validBeforePaper");
    }

    private Document store(
            long residentId, Details details, Path file, Document replaced, String reason, CareEntry.Target link) {
        LocalDateTime now = LocalDateTime.now(clock);
        Checks checks = new Checks(now.toLocalDate());
        checks.required("details", "document.title", details);
        checks.throwIfAny();
        checks.required("kind", "document.kind", details.kind());
        String title = checks.text("title", "document.title", details.title(), 200, true);
        dateChecks(checks, details); // in the form's order: kind, title, dates
        checks.required("file", "document.file", file);
        checks.throwIfAny();
        requireReadable(details.kind());
        if (replaced != null && (reason == null || reason.isBlank())) {
            // Checked again where the old version is voided; here before the file is read.
            throw new ValidationException(List.of(new FieldError("reason", "validation.voidReasonRequired")));
        }
        HiddenCharacters.checkReason(reason);
        Inspected seen = inspect(file);
        // Reduced on request: an image whose longer side is over REDUCED_SIDE is stored at that size instead.
        byte[] reduced = details.reduceImage() ? reduce(seen.type(), file) : null;
        Inspected stored = reduced == null
                ? seen
                : new Inspected(
                        seen.type() == ContentType.JPEG ? ContentType.JPEG : ContentType.PNG,
                        reduced.length,
                        HexFormat.of().formatHex(sha256().digest(reduced)));
        return tx.inTransaction(() -> {
            if (replaced != null) {
                Corrections.voidEntry(
                        tx,
                        audit,
                        repo.voidable(user.username(), now),
                        replaced.id(),
                        reason,
                        why -> AuditSummary.of("auditSummary.documentReplaced", replaced.title(), why));
            }
            Document draft = new Document(
                    0,
                    residentId,
                    details.kind(),
                    title,
                    details.paperDate(),
                    details.validUntil(),
                    stored.type(),
                    stored.size(),
                    stored.sha256(),
                    replaced == null ? null : replaced.id(),
                    user.username(),
                    now,
                    false,
                    null,
                    null);
            long id = repo.insert(draft, user.username(), now);
            if (reduced != null) {
                repo.insertContent(id, new ByteArrayInputStream(reduced), reduced.length);
            } else {
                copy(id, file, seen);
            }
            audit.record(
                    AuditLog.CREATE,
                    ENTITY,
                    id,
                    AuditSummary.of("auditSummary.documentAdded", details.kind(), title),
                    null);
            return linked(repo.find(id).orElseThrow(), link, now);
        });
    }

    /** Streams the file into the document's content; refused if it changed since it was inspected. */
    private void copy(long id, Path file, Inspected seen) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            repo.insertContent(id, in, seen.size());
        } catch (IOException e) {
            throw new UserFacingException(e, "document.unreadable", file.getFileName());
        }
        // The file changed between the check and the copy (a scanner still writing it): keep neither.
        if (!HexFormat.of().formatHex(sha.digest()).equals(seen.sha256())) {
            throw new UserFacingException("document.changedWhileReading", file.getFileName());
        }
    }

    private Document linked(Document added, CareEntry.Target link, LocalDateTime now) {
        if (link != null) {
            linkChecked(added, link.entry(), link.id(), now);
        }
        return added;
    }

    /** The image reduced to {@value #REDUCED_SIDE} px on its longer side, or null (a PDF, or small enough). */
    private static byte[] reduce(ContentType type, Path file) {
        try {
            return DocumentImages.reduced(type, file, REDUCED_SIDE);
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException(e, "document.unreadable", file.getFileName());
        }
    }

    /**
     * The file's type from its first bytes, its size and its SHA-256, read as a stream; refusals name the file and
     * say what to do.
     */
    static Inspected inspect(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw refusal("document.emptyFile", name);
            }
            if (size > MAX_BYTES) {
                throw refusal("document.tooLarge", name, size / (1024 * 1024), MAX_BYTES / (1024 * 1024));
            }
            MessageDigest sha = sha256();
            byte[] head = new byte[ContentType.HEAD];
            int got;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                got = in.readNBytes(head, 0, head.length);
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (ContentType.heif(head, got)) {
                throw refusal("document.heic", name);
            }
            ContentType type = ContentType.detect(head, got).orElseThrow(() -> refusal("document.badType", name));
            return new Inspected(type, size, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchFileException e) {
            throw refusal("document.noFile", name);
        } catch (IOException e) {
            throw new UserFacingException(e, "document.unreadable", name);
        }
    }

    private static ValidationException refusal(String key, Object... args) {
        return new ValidationException(List.of(new FieldError("file", key, args)));
    }

    /** Hands the document's bytes to {@code reader} (the viewer); audited as read. */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public <T> T open(long documentId, DocumentRepository.ContentReader<T> reader) {
        user.require(AppModule.DOCUMENTS, Action.VIEW);
        Document d = readable(documentId);
        audit.record(
                AuditLog.READ,
                ENTITY,
                d.id(),
                AuditSummary.of("auditSummary.documentViewed", d.kind(), d.title()),
                null);
        return repo.readContent(d.id(), reader).orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /**
     * The document's thumbnail for the list, its longer side at most {@code maxSide} pixels (an image scaled down, a
     * PDF's first page), made in memory. Not audited as a viewing: the list makes one per document each time it is
     * shown, and a stamp-sized picture is not a reading of the paper; opening it in the viewer is audited.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public BufferedImage thumbnail(long documentId, int maxSide) {
        user.require(AppModule.DOCUMENTS, Action.VIEW);
        Document d = readable(documentId);
        return repo.readContent(d.id(), in -> DocumentImages.of(d.contentType(), in, Math.max(16, maxSide)))
                .orElseThrow(() -> new UserFacingException("error.notFound"));
    }

    /**
     * Saves a copy into {@code folder}, named from the title through the one sanitizing function, never over an
     * existing file; audited with the name written. Returns the file.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.EXPORT)
    public Path export(long documentId, Path folder) {
        user.require(AppModule.DOCUMENTS, Action.EXPORT);
        Document d = readable(documentId);
        String ext = d.contentType().extension();
        Path out = SafeFileNames.unique(folder, d.title(), ext);
        try {
            WriteBeside.write(
                    out,
                    partial -> repo.readContent(
                                    d.id(), in -> Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING))
                            .orElseThrow(() -> new UserFacingException("error.notFound")));
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(e, "document.exportFailed", out);
        }
        audit.record(
                AuditLog.EXPORT,
                ENTITY,
                d.id(),
                AuditSummary.of(
                        "auditSummary.documentExported",
                        d.kind(),
                        d.title(),
                        out.getFileName().toString()),
                null);
        return out;
    }

    /**
     * The resident's documents in force (not voided) this user may read and copy out: what the social worker may put
     * into the child's own archive on leaving.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.EXPORT)
    public List<Document> exportable(long residentId) {
        user.require(AppModule.DOCUMENTS, Action.EXPORT);
        return documents(residentId).stream().filter(d -> !d.voided()).toList();
    }

    /**
     * Streams a document in force of the resident into {@code out} (left open: an entry of the child's own archive),
     * audited as exported with the archive's file and the entry's name. A voided paper is not handed over.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.EXPORT)
    public Document copyInto(long residentId, long documentId, OutputStream out, String archive, String entry) {
        user.require(AppModule.DOCUMENTS, Action.EXPORT);
        Document d = readable(documentId);
        if (d.residentId() != residentId) {
            throw new UserFacingException("error.notFound");
        }
        if (d.voided()) {
            throw new UserFacingException("error.alreadyVoided");
        }
        repo.readContent(d.id(), in -> in.transferTo(out)).orElseThrow(() -> new UserFacingException("error.notFound"));
        audit.record(
                AuditLog.EXPORT,
                ENTITY,
                d.id(),
                AuditSummary.of("auditSummary.documentArchived", d.kind(), d.title(), archive, entry),
                null);
        return d;
    }

    /**
     * The document as a PDF for the printer: a PDF as it is stored, an image on one A4 page (shrunk to fit); audited as
     * printed, like a copy saved, as paper leaves the encrypted archive. Made only once a printer was chosen.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.EXPORT)
    public byte[] printable(long documentId) {
        user.require(AppModule.DOCUMENTS, Action.EXPORT);
        Document d = readable(documentId);
        byte[] pdf = repo.readContent(
                        d.id(),
                        in -> d.contentType() == ContentType.PDF
                                ? in.readAllBytes()
                                // a scan's pixels taken at 150 dpi: a photo larger than the page is shrunk to fit it
                                : PdfPages.onePage(ImageIO.read(in), 72.0 / 150))
                .orElseThrow(() -> new UserFacingException("error.notFound"));
        audit.record(
                AuditLog.EXPORT,
                ENTITY,
                d.id(),
                AuditSummary.of("auditSummary.documentPrinted", d.kind(), d.title()),
                null);
        return pdf;
    }

    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VOID)
    public void voidDocument(long documentId, String reason) {
        user.require(AppModule.DOCUMENTS, Action.VOID);
        Document d = readable(documentId);
        Corrections.voidEntry(tx, audit, repo.voidable(user.username(), LocalDateTime.now(clock)), d.id(), reason);
    }

    /**
     * Links the document to a care entry of the same resident (a surgery's consent to the surgery), audited. The user
     * needs to read the entry's module as well: a consent is linked to a surgery only by who may see the surgery.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public void link(long documentId, CareEntry entry, long entryId) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        Document d = readable(documentId);
        if (d.voided()) {
            throw new UserFacingException("error.alreadyVoided");
        }
        tx.inTransaction(() -> {
            linkChecked(d, entry, entryId, LocalDateTime.now(clock));
            return null;
        });
    }

    private void linkChecked(Document d, CareEntry entry, long entryId, LocalDateTime now) {
        if (entry == null) {
            throw new UserFacingException("error.notFound");
        }
        user.require(entry.module(), Action.VIEW);
        long owner = repo.entryResident(entry, entryId).orElseThrow(() -> new UserFacingException("document.linkGone"));
        if (owner != d.residentId()) {
            throw new UserFacingException("document.linkOtherResident");
        }
        if (repo.links(d.residentId()).contains(new DocumentRepository.Link(d.id(), entry, entryId))) {
            return; // linked already: nothing to add
        }
        repo.insertLink(d.id(), entry, entryId, user.username(), now);
        audit.record(
                AuditLog.EDIT,
                ENTITY,
                d.id(),
                AuditSummary.of("auditSummary.documentLinked", d.kind(), d.title(), entry.domain(), entryId),
                null);
    }

    /** Takes a link back; kept, marked with who and when, and audited. */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public void unlink(long documentId, CareEntry entry, long entryId) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        Document d = readable(documentId);
        if (entry == null) {
            throw new UserFacingException("error.notFound");
        }
        user.require(entry.module(), Action.VIEW);
        tx.inTransaction(() -> {
            if (!repo.unlink(d.id(), entry, entryId, user.username(), LocalDateTime.now(clock))) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(
                    AuditLog.EDIT,
                    ENTITY,
                    d.id(),
                    AuditSummary.of("auditSummary.documentUnlinked", d.kind(), d.title(), entry.domain(), entryId),
                    null);
            return null;
        });
    }

    /** The resident's care entries (not voided) this user may link a document to: those of modules they read. */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.CREATE)
    public List<CareEntry.Target> linkTargets(long residentId) {
        user.require(AppModule.DOCUMENTS, Action.CREATE);
        List<CareEntry.Target> out = new ArrayList<>();
        for (CareEntry e : CareEntry.values()) {
            if (user.can(e.module(), Action.VIEW)) {
                out.addAll(repo.targets(residentId, e, false));
            }
        }
        out.sort(Comparator.comparing(CareEntry.Target::date).reversed());
        return out;
    }

    /**
     * The entries each of the resident's documents is linked to, by document id, for the documents and entries this
     * user may read (a link to an incident is not shown to who may not read incidents).
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public Map<Long, List<CareEntry.Target>> links(long residentId) {
        user.require(AppModule.DOCUMENTS, Action.VIEW);
        Map<String, CareEntry.Target> named = new HashMap<>();
        for (CareEntry e : CareEntry.values()) {
            if (user.can(e.module(), Action.VIEW)) {
                repo.targets(residentId, e, true).forEach(t -> named.put(key(e, t.id()), t));
            }
        }
        Set<Long> readable =
                new HashSet<>(documents(residentId).stream().map(Document::id).toList());
        Map<Long, List<CareEntry.Target>> out = new LinkedHashMap<>();
        for (DocumentRepository.Link l : repo.links(residentId)) {
            CareEntry.Target t = named.get(key(l.entry(), l.entryId()));
            if (t != null && readable.contains(l.documentId())) {
                out.computeIfAbsent(l.documentId(), k -> new ArrayList<>()).add(t);
            }
        }
        return out;
    }

    /**
     * The documents this user may read linked to one care entry (shown on the entry), newest first; refused without
     * the entry's module.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public List<Document> linkedTo(CareEntry entry, long entryId) {
        user.require(AppModule.DOCUMENTS, Action.VIEW);
        if (entry == null) {
            throw new UserFacingException("error.notFound");
        }
        user.require(entry.module(), Action.VIEW);
        return repo.linkedTo(entry, entryId).stream()
                .filter(d -> mayRead(d.kind()))
                .toList();
    }

    /**
     * How many documents this user may read are linked to each care entry of the resident, keyed by
     * {@link #key(CareEntry, long)}: what the timeline marks.
     */
    @RequiresPermission(module = AppModule.DOCUMENTS, action = Action.VIEW)
    public Map<String, Integer> linkCounts(long residentId) {
        Map<String, Integer> counts = new HashMap<>();
        links(residentId)
                .forEach((doc, targets) -> targets.forEach(t -> counts.merge(key(t.entry(), t.id()), 1, Integer::sum)));
        return counts;
    }

    /** The key of a care entry in {@link #linkCounts(long)}: its table and id, as the timeline names entries. */
    public static String key(CareEntry entry, long entryId) {
        return TimelineEntry.key(entry.entity(), entryId);
    }

    /** The document, refused when its kind needs a reading the user lacks (medical records, ID numbers). */
    private Document readable(long documentId) {
        Document d = repo.find(documentId).orElseThrow(() -> new UserFacingException("error.notFound"));
        requireReadable(d.kind());
        return d;
    }

    private void requireReadable(DocumentKind kind) {
        if (kind.alsoNeeds() != null) {
            user.require(kind.alsoNeeds(), Action.VIEW);
        }
    }

    private boolean mayRead(DocumentKind kind) {
        return kind.alsoNeeds() == null || user.can(kind.alsoNeeds(), Action.VIEW);
    }

    /**
     * Documents in force whose valid-until is past or within {@value #EXPIRY_DAYS} days (renew the paper), and
     * residents in care whose file lacks a mandatory paper ({@link MandatoryDocuments}), one reminder per child.
     */
    @AnyUser
    public ReminderSource reminderSource() {
        return ReminderSource.of(user, AppModule.DOCUMENTS, Action.VIEW, today -> {
            List<Reminder> due = new ArrayList<>(repo.expiringBy(today.plusDays(EXPIRY_DAYS)).stream()
                    .filter(e -> mayRead(e.document().kind()))
                    .map(e -> new Reminder(
                            CareDomain.DOCUMENTS,
                            e.document().residentId(),
                            e.residentName(),
                            e.document().validUntil(),
                            Messages.t(
                                    e.document().validUntil().isBefore(today)
                                            ? "document.expired"
                                            : "document.expiring",
                                    e.document().kind().label(),
                                    e.document().title()),
                            e.document().validUntil().isBefore(today)))
                    .toList());
            due.addAll(missing(today));
            return due;
        });
    }

    /**
     * A reminder for each resident in care lacking a mandatory paper, due {@value #MISSING_GRACE_DAYS} days after
     * admission (the time a home is given to gather the papers), overdue after. A kind the user may not read is
     * not named: they cannot see whether it is on file.
     */
    private List<Reminder> missing(LocalDate today) {
        List<Reminder> out = new ArrayList<>();
        for (DocumentRepository.OnFile r : repo.residentsInCareWithKinds()) {
            List<String> lacking =
                    MandatoryDocuments.required(r.category(), r.source(), r.guardianship(), r.disability())
                            .entrySet()
                            .stream()
                            .filter(e -> !r.kinds().contains(e.getKey()) && mayRead(e.getKey()))
                            .map(e -> Messages.t(
                                    "document.missingKind",
                                    e.getKey().label(),
                                    e.getValue().label()))
                            .toList();
            if (!lacking.isEmpty()) {
                LocalDate due = r.admissionDate().plusDays(MISSING_GRACE_DAYS);
                out.add(new Reminder(
                        CareDomain.DOCUMENTS,
                        r.residentId(),
                        r.residentName(),
                        due,
                        Messages.t("document.missing", String.join(Messages.t("common.listSeparator"), lacking)),
                        due.isBefore(today)));
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
