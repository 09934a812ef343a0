package org.huyou.transition;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.huyou.care.education.Education;
import org.huyou.common.io.SafeFileNames;
import org.huyou.common.Checks;
import org.huyou.common.Messages;
import org.huyou.common.io.ChineseFont;
import org.huyou.common.FieldError;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.SettingsRepository;
import org.huyou.documents.ContentType;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.db.Transactions;
import org.huyou.residents.ResidentRepository;
import org.huyou.residents.ResidentStatus;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditSummary;
import org.huyou.security.CurrentUser;
import org.huyou.security.RequiresPermission;
import org.huyou.transition.io.PersonalArchiveZip;
import org.huyou.transition.io.PlacementPlanPdf;
import org.huyou.residents.InCare;

/**
 * Turning eighteen: the dashboard of residents aged 16 and over, repeatable capability assessments, the pathway the
 * social worker decides and the director approves (only then are tasks and payments generated), task progress,
 * payments, leaving and the visits afterwards.
 */
public final class TransitionService {

    /** Statuses of residents the home still looks after (ADULT_TRANSITION means one has left at adulthood). */
    static final List<String> LIVING_HERE = InCare.CODES;

    private final TransitionRepository repo;
    /** The register, for the status entry a leaving writes (as the resident's file writes one). */
    private final ResidentRepository register;
    private final SettingsRepository settings;
    private final Transactions tx;
    private final CurrentUser user;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> homeName;
    /** The resident's documents, of which the social worker may put chosen ones into the child's own archive. */
    private final DocumentService documents;

    public TransitionService(TransitionRepository repo, ResidentRepository register, SettingsRepository settings,
                             Transactions tx, CurrentUser user, AuditLog audit, Clock clock,
                             Supplier<String> homeName, DocumentService documents) {
        this.repo = repo;
        this.documents = documents;
        this.register = register;
        this.homeName = homeName;
        this.settings = settings;
        this.tx = tx;
        this.user = user;
        this.audit = audit;
        this.clock = clock;
    }

    /** A dashboard line: the resident, their 18th birthday, months left, pathway and plan status, overdue tasks. */
    public record Row(long residentId, String name, String recordNo, LocalDate birthDate, boolean estimated,
                      LocalDate eighteenth, long monthsLeft, Pathway pathway, TransitionPlan.Status planStatus,
                      int overdueTasks, LocalDate nextVisit) {
    }

    /**
     * Three lists: those turning eighteen (overdue tasks first, then the nearest birthday), adults still here, and
     * those who have left with their next follow-up visit.
     */
    public record Dashboard(List<Row> turning, List<Row> adults, List<Row> left) {
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Dashboard dashboard() {
        user.require(AppModule.TRANSITION, Action.VIEW);
        LocalDate today = today();
        List<TransitionRepository.Candidate> people = repo.bornBy(AdultAge.bornBy(today, AdultAge.DASHBOARD_FROM),
                LIVING_HERE);
        Map<Long, TransitionPlan> plans = repo.plansOf(people.stream().map(TransitionRepository.Candidate::residentId)
                .toList());
        Map<Long, Integer> overdue = repo.overdueCounts(plans.values().stream().map(TransitionPlan::id).toList(),
                today);
        List<Row> rows = people.stream().map(c -> {
            TransitionPlan p = plans.get(c.residentId());
            return new Row(c.residentId(), c.name(), c.recordNo(), c.birthDate(), c.estimated(),
                    AdultAge.eighteenth(c.birthDate()), AdultAge.monthsLeft(today, c.birthDate()),
                    p == null ? null : p.pathway(), p == null ? null : p.status(),
                    p == null ? 0 : overdue.getOrDefault(p.id(), 0), null);
        }).filter(r -> r.planStatus() != TransitionPlan.Status.LEFT).toList();
        List<Row> left = repo.leftWithVisits().stream().map(l -> new Row(l.person().residentId(), l.person().name(),
                l.person().recordNo(), l.person().birthDate(), l.person().estimated(),
                AdultAge.eighteenth(l.person().birthDate()), AdultAge.monthsLeft(today, l.person().birthDate()),
                l.pathway(), TransitionPlan.Status.LEFT, 0, l.nextVisit())).toList();
        Comparator<Row> order = Comparator.comparingInt((Row r) -> -r.overdueTasks()).thenComparing(Row::eighteenth);
        return new Dashboard(rows.stream().filter(r -> !AdultAge.adultOn(today, r.birthDate())).sorted(order).toList(),
                rows.stream().filter(r -> AdultAge.adultOn(today, r.birthDate())).sorted(order).toList(), left);
    }

    /** Records an assessment: six scores 0-4 and the conclusion (null takes the one the scores suggest). */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.CREATE)
    public Capability assess(long residentId, LocalDate on, List<Integer> scores, String notes,
                             Capability.Conclusion conclusion) {
        user.require(AppModule.TRANSITION, Action.CREATE);
        Checks checks = new Checks(today());
        checks.pastDate("assessedOn", "capability.date", on);
        checks.rule(scores != null && scores.size() == Capability.Area.values().length
                && scores.stream().allMatch(s -> s != null && s >= 0 && s <= Capability.MAX_SCORE), "scores",
                "capability.scoresRequired");
        String n = checks.text("notes", "capability.notes", notes, 2000, false);
        checks.throwIfAny();
        Capability.Conclusion c = conclusion != null ? conclusion : Capability.suggest(scores);
        return tx.inTransaction(() -> {
            Capability draft = new Capability(0, residentId, on, scores.get(0), scores.get(1), scores.get(2),
                    scores.get(3), scores.get(4), scores.get(5), n, c, user.username(), false);
            long id = repo.insertAssessment(draft, user.username(), now());
            audit.record(AuditLog.CREATE, "capability_assessment", id, AuditSummary.of("auditSummary.assessment", c,
                    scores), null);
            return repo.assessments(residentId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Capability> assessments(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.assessments(residentId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VOID)
    public void voidAssessment(long id, String reason) {
        user.require(AppModule.TRANSITION, Action.VOID);
        Checks checks = new Checks(today());
        String r = checks.text("reason", "void.reason", reason, 500, true);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.voidAssessment(id, r, user.username(), now())) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(AuditLog.VOID, "capability_assessment", id, AuditSummary.of("auditSummary.voided", r), null);
        });
    }

    /** The pathway the latest assessment suggests (and whether the resident is still at school), if assessed. */
    public record Suggestion(Pathway pathway, Capability.Conclusion conclusion, boolean studying) {
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Optional<Suggestion> suggestion(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        boolean studying = repo.studying(residentId);
        return latest(residentId).map(c -> new Suggestion(Pathway.suggest(c.conclusion(), studying), c.conclusion(),
                studying));
    }

    private Optional<Capability> latest(long residentId) {
        return repo.assessments(residentId).stream().filter(c -> !c.voided()).findFirst();
    }

    /**
     * The social worker's decision: a pathway with its basis (and the expected graduation for continuing education,
     * an optional city top-up for socialized placement). It waits for the director. Deciding again on an approved
     * plan takes it back to a draft: its open tasks are cancelled and its unpaid schedule dropped.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public TransitionPlan decide(long residentId, Pathway pathway, String basis, LocalDate expectedGraduation,
                                 BigDecimal cityTopUp) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.required("pathway", "transition.pathway", pathway);
        String b = checks.text("basis", "transition.basis", basis, 2000, true);
        checks.rule(pathway != Pathway.CONTINUING_EDUCATION || expectedGraduation != null, "expectedGraduation",
                "transition.graduationRequired");
        checks.rule(cityTopUp == null || cityTopUp.signum() >= 0, "cityTopUp", "transition.badTopUp");
        checks.throwIfAny();
        if (latest(residentId).isEmpty()) {
            throw new UserFacingException("transition.assessFirst");
        }
        return tx.inTransaction(() -> {
            Optional<TransitionPlan> existing = repo.planOf(residentId);
            TransitionPlan draft = new TransitionPlan(existing.map(TransitionPlan::id).orElse(0L), residentId, pathway,
                    b, TransitionPlan.Status.DRAFT, pathway == Pathway.CONTINUING_EDUCATION ? expectedGraduation : null,
                    pathway == Pathway.SOCIALIZED ? cityTopUp : null, user.username(), now(), null, null, null, 0);
            if (existing.isEmpty()) {
                repo.insertPlan(draft);
            } else {
                TransitionPlan p = existing.get();
                if (p.status() == TransitionPlan.Status.LEFT) {
                    throw new UserFacingException("transition.alreadyLeft");
                }
                repo.cancelOpenTasks(p.id(), user.username(), now());
                repo.deleteUnpaid(p.id());
                repo.redecide(draft, p.version());
            }
            audit.record(AuditLog.EDIT, "transition_plan", residentId, AuditSummary.of("auditSummary.pathwayDecided",
                    pathway), null);
            return repo.planOf(residentId).orElseThrow();
        });
    }

    /** Everything the screen shows for one resident, read in one go. */
    public record Detail(long residentId, List<Capability> assessments, Optional<Suggestion> suggestion,
                         Optional<TransitionPlan> plan, List<Task> tasks, List<Payment> payments,
                         List<FollowUp> followUps) {
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Detail detail(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        Optional<TransitionPlan> p = repo.planOf(residentId);
        long planId = p.map(TransitionPlan::id).orElse(-1L);
        return new Detail(residentId, repo.assessments(residentId), suggestion(residentId), p, repo.tasks(planId),
                repo.payments(planId), repo.followUps(planId));
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public Optional<TransitionPlan> plan(long residentId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.planOf(residentId);
    }

    /**
     * The director approves the decision as seen (its version): the pathway's tasks are generated with due dates
     * counted back from the 18th birthday, and its payments scheduled.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.APPROVE)
    public TransitionPlan approve(long planId, int seenVersion) {
        user.require(AppModule.TRANSITION, Action.APPROVE);
        return tx.inTransaction(() -> {
            TransitionPlan p = repo.plan(planId).orElseThrow(() -> new UserFacingException("error.notFound"));
            if (!repo.approve(planId, seenVersion, user.username(), now())) {
                throw new UserFacingException("transition.changedMeanwhile");
            }
            generate(repo, settings, p);
            audit.record(AuditLog.EDIT, "transition_plan", planId, AuditSummary.of("auditSummary.planApproved",
                    p.pathway()), null);
            return repo.plan(planId).orElseThrow();
        });
    }

    /** An approved plan's tasks from the pathway's templates and its payment schedule (also used by the demo). */
    static void generate(TransitionRepository repo, SettingsRepository settings, TransitionPlan p) {
        LocalDate eighteenth = AdultAge.eighteenth(repo.birthDate(p.residentId()));
        for (Task.Template t : repo.templates(p.pathway())) {
            repo.insertTask(new Task(0, p.id(), t.title(), t.department(), eighteenth.minusMonths(t.monthsBefore()),
                    t.documents(), Task.Status.OPEN, null, null));
        }
        PaymentSchedule.lines(p.pathway(), eighteenth, p.expectedGraduation(), TransitionSettings.subsidy(settings),
                p.cityTopUp(), TransitionSettings.grantPerYear(settings)).forEach(l -> repo.insertPayment(p.id(), l));
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Task> tasks(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.tasks(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void setTaskStatus(long taskId, Task.Status status, String note) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.required("status", "task.status", status);
        String n = checks.text("note", "task.note", note, 500, false);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.setTaskStatus(taskId, status, status == Task.Status.DONE ? today() : null, n, user.username(),
                    now())) {
                throw new UserFacingException("error.notFound");
            }
            audit.record(AuditLog.EDIT, "transition_task", taskId, AuditSummary.of("auditSummary.statusTo", status),
                    null);
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<Payment> payments(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.payments(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordPaid(long paymentId, LocalDate paidOn, String reference) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("paidOn", "payment.paidOn", paidOn);
        String r = checks.text("reference", "payment.reference", reference, 100, true);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.recordPaid(paymentId, paidOn, r, user.username())) {
                throw new UserFacingException("payment.alreadyPaid");
            }
            audit.record(AuditLog.EDIT, "transition_payment", paymentId, AuditSummary.of("auditSummary.paid", paidOn,
                    r), null);
        });
    }

    /**
     * The young person left on a day: the plan is closed, the follow-up visits are scheduled after it, and the
     * register has them as left at adulthood from that day (unless it already has them gone), so that the lists of
     * those in the home, the daily rounds and the statistics agree with the plan.
     */
    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordLeaving(long planId, LocalDate day) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("leftOn", "transition.leftOn", day);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            TransitionRepository.Leaver leaver = repo.leaver(planId);
            if (leaver != null && day.isBefore(leaver.admitted())) {
                throw new ValidationException(List.of(new FieldError("leftOn", "validation.statusBeforeAdmission",
                        leaver.admitted().toString())));
            }
            if (!repo.markLeft(planId, day)) {
                throw new UserFacingException("transition.notApproved");
            }
            if (LIVING_HERE.contains(leaver.status())) {
                long id = register.insertStatusEvent(leaver.residentId(), ResidentStatus.ADULT_TRANSITION, day,
                        Messages.t("transition.leftStatusNote", leaver.pathway() == null ? ""
                                : leaver.pathway().label()), user.username(), LocalDateTime.now(clock));
                audit.record(AuditLog.CREATE, "resident_status_event", id,
                        AuditSummary.of("auditSummary.residentStatus", leaver.recordNo(),
                        ResidentStatus.ADULT_TRANSITION),
                        null);
            }
            for (int m : TransitionSettings.followUpMonths(settings)) {
                repo.insertFollowUp(planId, day.plusMonths(m));
            }
            audit.record(AuditLog.EDIT, "transition_plan", planId, AuditSummary.of("auditSummary.left", day), null);
        });
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.VIEW)
    public List<FollowUp> followUps(long planId) {
        user.require(AppModule.TRANSITION, Action.VIEW);
        return repo.followUps(planId);
    }

    @RequiresPermission(module = AppModule.TRANSITION, action = Action.EDIT)
    public void recordVisit(FollowUp visit) {
        user.require(AppModule.TRANSITION, Action.EDIT);
        Checks checks = new Checks(today());
        checks.pastDate("visitedOn", "followUp.visitedOn", visit.visitedOn());
        for (String[] f : new String[][] {{"housing", visit.housing()}, {"work", visit.work()},
            {"study", visit.study()}, {"income", visit.income()}}) {
            checks.text(f[0], "followUp." + f[0], f[1], 200, false);
        }
        checks.text("notes", "followUp.notes", visit.notes(), 2000, false);
        checks.throwIfAny();
        tx.inTransaction(() -> {
            if (!repo.recordVisit(visit, user.username())) {
                throw new UserFacingException("followUp.alreadyRecorded");
            }
            audit.record(AuditLog.EDIT, "transition_follow_up", visit.id(), AuditSummary.of("auditSummary.visited",
                    visit.visitedOn()), null);
        });
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
        PlacementPlanPdf.Person person = new PlacementPlanPdf.Person(who.name(), who.recordNo(), who.birthDate(),
                AdultAge.eighteenth(who.birthDate()));
        Path file = SafeFileNames.inside(dir, Messages.t("placementPdf.file", who.recordNo(), who.name()), "pdf");
        try {
            Files.createDirectories(dir);
            PlacementPlanPdf.write(homeName.get(), person, plan, latest(residentId).orElse(null), repo.tasks(plan.id()),
                    repo.payments(plan.id()), includeCare, today(), file, ChineseFont.require());
        } catch (IOException e) {
            throw new UserFacingException(e, "disclosure.writeFailed", dir.toString());
        }
        audit.record(AuditLog.EXPORT, "transition_plan", plan.id(), AuditSummary.of(includeCare
                ? "auditSummary.planPdfWithCare" : "auditSummary.planPdf"), null);
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
        List<Long> chosenIds = documentIds == null ? List.of() : documentIds.stream().distinct().toList();
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
            zip.paragraph(Messages.t("archive.person", who.name(), who.birthDate().toString()));
            if (included.contains(ArchivePart.PHOTO)) {
                var photo = repo.photo(residentId);
                if (photo.isPresent()) {
                    zip.file(photo.get().contentType().contains("png") ? "photo.png" : "photo.jpg",
                            photo.get().content(), true);
                }
            }
            if (included.contains(ArchivePart.SCHOOL_RECORDS)) {
                zip.section(Messages.t("archivePart.SCHOOL_RECORDS"));
                zip.table(List.of(Messages.t("archive.from"), Messages.t("archive.kind"), Messages.t("archive.school"),
                        Messages.t("archive.class")), repo.schoolRecords(residentId).stream().map(r -> List.of(r.get(0),
                        Education.PlacementKind.valueOf(r.get(1)).label(), r.get(2) == null ? "" : r.get(2),
                        r.get(3) == null ? "" : r.get(3))).toList());
            }
            if (included.contains(ArchivePart.GROWTH_MILESTONES)) {
                zip.section(Messages.t("archivePart.GROWTH_MILESTONES"));
                zip.table(List.of(Messages.t("archive.date"), Messages.t("archive.height"),
                        Messages.t("archive.weight")), repo.growthMilestones(residentId));
            }
            Optional<TransitionPlan> plan = repo.planOf(residentId);
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
                zip.table(List.of(Messages.t("task.what"), Messages.t("task.documents")), repo.tasks(plan.get().id())
                        .stream().filter(t -> t.status() != Task.Status.CANCELLED && t.documents() != null)
                        .map(t -> List.of(t.title(), t.documents())).toList());
            }
            if (!chosen.isEmpty()) {
                addDocuments(zip, residentId, chosen, file.getFileName().toString());
            }
            zip.finish();
        } catch (IOException | java.io.UncheckedIOException e) {
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
        audit.record(AuditLog.EXPORT, "resident", residentId, chosen.isEmpty()
                ? AuditSummary.of("auditSummary.personalArchive", included)
                : AuditSummary.of("auditSummary.personalArchiveDocuments", included, chosen.size(),
                chosen.stream().map(Document::title).collect(Collectors.joining(Messages.t("common.listSeparator")))),
                null);
        return file;
    }

    /** The chosen documents as they stand, by the paper's date (the day it was added when it has none). */
    private List<Document> chosenDocuments(long residentId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Document> mayGo = documents.exportable(residentId).stream()
                .collect(Collectors.toMap(Document::id, d -> d));
        if (!mayGo.keySet().containsAll(ids)) {
            // voided, another child's, or of a kind this user may not read since the list was shown
            throw new UserFacingException("archive.documentGone");
        }
        return ids.stream().map(mayGo::get).sorted(Comparator.comparing(TransitionService::dated)
                .thenComparing(Document::id)).toList();
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
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String[]> pictures = new java.util.ArrayList<>();
        for (Document d : chosen) {
            String name = zip.stream("documents", d.title(), d.contentType().extension(),
                    (entry, out) -> documents.copyInto(residentId, d.id(), out, archive, entry));
            rows.add(List.of(dated(d).toString(), d.kind().label(), d.title(), name));
            if (d.kind() == DocumentKind.PHOTO && d.contentType() != ContentType.TIFF
                    && d.contentType() != ContentType.PDF) {
                pictures.add(new String[] {name, dated(d) + " " + d.title()});
            }
        }
        zip.section(Messages.t("archive.documents"));
        zip.table(List.of(Messages.t("archive.date"), Messages.t("archive.documentKind"),
                Messages.t("archive.documentTitle"), Messages.t("archive.documentFile")), rows, 3);
        if (!pictures.isEmpty()) {
            zip.section(Messages.t("archive.photoTimeline"));
            pictures.forEach(p -> zip.picture(p[0], p[1]));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
