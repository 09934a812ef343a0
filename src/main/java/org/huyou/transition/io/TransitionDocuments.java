package org.huyou.transition.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huyou.care.education.Education;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.io.SafeFileNames;
import org.huyou.documents.ContentType;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.RequiresPermission;
import org.huyou.security.ServiceBase;
import org.huyou.security.ServiceContext;
import org.huyou.transition.AdultAge;
import org.huyou.transition.ArchivePart;
import org.huyou.transition.Capability;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionPlan;
import org.huyou.transition.TransitionRepository;

/**
 * The papers of turning eighteen: the placement plan as a PDF and the young person's own archive on leaving. Beside
 * its writers in {@code transition.io} (as the importers are beside theirs), so the plans' service needs no io.
 */
public final class TransitionDocuments extends ServiceBase {

    private final TransitionRepository repo;
    private final Supplier<String> homeName;
    /** The resident's documents, of which the social worker may put chosen ones into the child's own archive. */
    private final DocumentService documents;

    public TransitionDocuments(
            TransitionRepository repo, ServiceContext context, Supplier<String> homeName, DocumentService documents) {
        super(context);
        this.repo = repo;
        this.homeName = homeName;
        this.documents = documents;
    }

    /**
     * Writes the placement plan as a PDF into a folder and returns the file; the assessment's scores and notes only
     * when {@code includeCare} (the social worker's explicit choice, audited).
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Path printPlan(long residentId, boolean includeCare, Path dir) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        TransitionPlan plan = repo.planOf(residentId).orElseThrow(() -> new UserFacingException("transition.noPlan"));
        TransitionRepository.Candidate who = repo.person(residentId);
        PlacementPlanPdf.Person person = new PlacementPlanPdf.Person(
                who.name(), who.recordNo(), who.birthDate(), AdultAge.eighteenth(who.birthDate()));
        Path file = SafeFileNames.inside(dir, Messages.t("placementPdf.file", who.recordNo(), who.name()), "pdf");
        try {
            Files.createDirectories(dir);
            PlacementPlanPdf.write(
                    homeName.get(),
                    person,
                    plan,
                    latestAssessment(residentId),
                    repo.tasks(plan.id()),
                    repo.payments(plan.id()),
                    includeCare,
                    today(),
                    file,
                    ChineseFont.require());
        } catch (IOException e) {
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        }
        audit.record(
                AuditLog.EXPORT,
                "transition_plan",
                plan.id(),
                AuditSummary.of(includeCare ? "auditSummary.planPdfWithCare" : "auditSummary.planPdf"),
                null);
        return file;
    }

    /**
     * The resident's documents that may go into their own archive: in force, of kinds this user may read and copy
     * out; none for a user who may not copy documents out.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public List<Document> archiveDocuments(long residentId) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        return user.can(AppModule.DOCUMENTS, Action.EXPORT) ? documents.exportable(residentId) : List.of();
    }

    /** The archive without documents. */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public Path exportArchive(long residentId, Set<ArchivePart> parts, Path dir) {
        return exportArchive(residentId, parts, List.of(), dir);
    }

    /**
     * The young person's own archive on leaving: a ZIP with an index page and the parts the social worker chose
     * (photo, school records, yearly growth milestones, the placement plan, the list of documents handed over) and
     * the documents they ticked, streamed into it under names made by the one sanitizing function and listed on the
     * index, photos also as a timeline by date. Care details stay out. Audited with the parts and documents
     * included (each document also on its own, as exported into this archive).
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public Path exportArchive(long residentId, Set<ArchivePart> parts, List<Long> documentIds, Path dir) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        List<Long> chosenIds = documentIds == null
                ? List.of()
                : documentIds.stream().distinct().toList();
        if ((parts == null || parts.isEmpty()) && chosenIds.isEmpty()) {
            throw new UserFacingException("archive.nothingChosen");
        }
        Set<ArchivePart> included = parts == null || parts.isEmpty() ? Set.of() : parts;
        List<Document> chosen = chosenDocuments(residentId, chosenIds);
        TransitionRepository.Candidate who = repo.person(residentId);
        Path file = SafeFileNames.inside(dir, Messages.t("archive.file", who.recordNo(), who.name()), "zip");
        PersonalArchiveZip zip = null;
        try {
            Files.createDirectories(dir);
            zip = new PersonalArchiveZip(file, Messages.t("archive.title", who.name()));
            zip.paragraph(
                    Messages.t("archive.person", who.name(), who.birthDate().toString()));
            if (included.contains(ArchivePart.PHOTO)) {
                var photo = repo.photo(residentId);
                if (photo.isPresent()) {
                    zip.file(
                            photo.get().contentType().contains("png") ? "photo.png" : "photo.jpg",
                            photo.get().content(),
                            true);
                }
            }
            if (included.contains(ArchivePart.SCHOOL_RECORDS)) {
                zip.section(Messages.t("archivePart.SCHOOL_RECORDS"));
                zip.table(
                        List.of(
                                Messages.t("archive.from"),
                                Messages.t("archive.kind"),
                                Messages.t("archive.school"),
                                Messages.t("archive.class")),
                        repo.schoolRecords(residentId).stream()
                                .map(r -> List.of(
                                        r.get(0),
                                        Education.PlacementKind.valueOf(r.get(1))
                                                .label(),
                                        r.get(2) == null ? "" : r.get(2),
                                        r.get(3) == null ? "" : r.get(3)))
                                .toList());
            }
            if (included.contains(ArchivePart.GROWTH_MILESTONES)) {
                zip.section(Messages.t("archivePart.GROWTH_MILESTONES"));
                zip.table(
                        List.of(Messages.t("archive.date"), Messages.t("archive.height"), Messages.t("archive.weight")),
                        repo.growthMilestones(residentId));
            }
            Optional<TransitionPlan> plan = repo.planOf(residentId);
            if (plan.isEmpty()) { // parts chosen that only a plan has: said, not left out unseen
                for (ArchivePart part : List.of(ArchivePart.PLACEMENT_PLAN, ArchivePart.DOCUMENT_LIST)) {
                    if (included.contains(part)) {
                        zip.section(Messages.t("archivePart." + part.name()));
                        zip.paragraph(Messages.t("archive.noRecords"));
                    }
                }
            }
            if (included.contains(ArchivePart.PLACEMENT_PLAN) && plan.isPresent()) {
                // Written apart and without care details; ASCII inside the ZIP, which every unzip tool reads.
                Path scratch = Files.createTempDirectory("huyou-archive");
                Path pdf = printPlan(residentId, false, scratch);
                zip.section(Messages.t("archivePart.PLACEMENT_PLAN"));
                zip.file("placement-plan.pdf", Files.readAllBytes(pdf), false);
                Files.delete(pdf);
                Files.delete(scratch);
            }
            if (included.contains(ArchivePart.DOCUMENT_LIST) && plan.isPresent()) {
                zip.section(Messages.t("archivePart.DOCUMENT_LIST"));
                zip.table(
                        List.of(Messages.t("task.what"), Messages.t("task.documents")),
                        repo.tasks(plan.get().id()).stream()
                                .filter(t -> t.status() != Task.Status.CANCELLED && t.documents() != null)
                                .map(t -> List.of(t.title(), t.documents()))
                                .toList());
            }
            if (!chosen.isEmpty()) {
                addDocuments(zip, residentId, chosen, file.getFileName().toString());
            }
            zip.finish();
        } catch (IOException | UncheckedIOException e) {
            if (zip != null) {
                zip.abandon();
            }
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        } catch (RuntimeException e) {
            if (zip != null) {
                zip.abandon();
            }
            throw e;
        }
        audit.record(
                AuditLog.EXPORT,
                "resident",
                residentId,
                chosen.isEmpty()
                        ? AuditSummary.of("auditSummary.personalArchive", included)
                        : AuditSummary.of(
                                "auditSummary.personalArchiveDocuments",
                                included,
                                chosen.size(),
                                chosen.stream()
                                        .map(Document::title)
                                        .collect(Collectors.joining(Messages.t("common.listSeparator")))),
                null);
        return file;
    }

    /** The chosen documents as they stand, by the paper's date (the day it was added when it has none). */
    private List<Document> chosenDocuments(long residentId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Document> mayGo =
                documents.exportable(residentId).stream().collect(Collectors.toMap(Document::id, d -> d));
        if (!mayGo.keySet().containsAll(ids)) {
            // voided, another child's, or of a kind this user may not read since the list was shown
            throw new UserFacingException("archive.documentGone");
        }
        return ids.stream()
                .map(mayGo::get)
                .sorted(Comparator.comparing(TransitionDocuments::dated).thenComparing(Document::id))
                .toList();
    }

    private static LocalDate dated(Document d) {
        return d.paperDate() != null ? d.paperDate() : d.createdAt().toLocalDate();
    }

    /**
     * The chosen documents streamed into the archive's documents folder and listed on the index; the photos among
     * them (a browser shows JPEG and PNG) also as a timeline of pictures by date.
     */
    private void addDocuments(PersonalArchiveZip zip, long residentId, List<Document> chosen, String archive)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String[]> pictures = new ArrayList<>();
        for (Document d : chosen) {
            String name = zip.stream(
                    "documents",
                    d.title(),
                    d.contentType().extension(),
                    (entry, out) -> documents.copyInto(residentId, d.id(), out, archive, entry));
            rows.add(List.of(dated(d).toString(), d.kind().label(), d.title(), name));
            if (d.kind() == DocumentKind.PHOTO
                    && d.contentType() != ContentType.TIFF
                    && d.contentType() != ContentType.PDF) {
                pictures.add(new String[] {name, dated(d) + " " + d.title()});
            }
        }
        zip.section(Messages.t("archive.documents"));
        zip.table(
                List.of(
                        Messages.t("archive.date"),
                        Messages.t("archive.documentKind"),
                        Messages.t("archive.documentTitle"),
                        Messages.t("archive.documentFile")),
                rows,
                3);
        if (!pictures.isEmpty()) {
            zip.section(Messages.t("archive.photoTimeline"));
            pictures.forEach(p -> zip.picture(p[0], p[1]));
        }
    }

    /** The assessment a plan rests on: the latest not voided. */
    private Capability latestAssessment(long residentId) {
        return repo.assessments(residentId).stream()
                .filter(c -> !c.voided())
                .findFirst()
                .orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
