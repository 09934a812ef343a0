package org.huyou.residents;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.huyou.common.Checks;
import org.huyou.common.EntryTrail;
import org.huyou.common.FieldError;
import org.huyou.common.Gender;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.IdNumber;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.db.Voidable;
import org.huyou.security.Accounts;
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
 * The resident register's rules: validation, numbering, uniqueness, the status history and optimistic locking,
 * each write in one transaction with its audit row. Every public method checks the user's permission first. ID numbers
 * leave here masked for users without the ID-number permission.
 */
public final class ResidentService extends ServiceBase {

    /** Photos are for recognising a child on screen, not archives: keep them small. */
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final ResidentRepository repo;
    private final ImportBatches batches;
    private volatile Runnable afterChunk = () -> {};

    public ResidentService(ResidentRepository repo, ServiceContext context) {
        super(context);
        this.repo = repo;
        this.batches = new ImportBatches(repo.importBatches(), audit);
    }

    @AnyUser
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The first {@code limit} matches and how many there are in all. */
    /**
     * A count beyond this is told as "more than": counting every match of one typed letter among 100,000 residents
     * costs more than the page itself, and nobody reads past a thousand rows without narrowing the search.
     */
    public static final int COUNT_CAP = 1000;

    /** The first page, how many match in all (at most {@link #COUNT_CAP}), and whether there are more than that. */
    public record Matches(List<ResidentSummary> rows, int total, boolean totalCapped) {}

    /**
     * What the register list asks for on every keystroke: the first page and the total. The total is counted only
     * when the page is full; a shorter page is the whole answer, and the second query would only repeat it.
     */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Matches find(ResidentFilter filter, int limit) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        ResidentRepository.Found found = repo.find(filter, today(), limit, COUNT_CAP + 1, seesFullIdNumbers());
        int counted = found.counted();
        return new Matches(found.rows(), Math.min(counted, COUNT_CAP), counted > COUNT_CAP);
    }

    /** The next page of the same list, as the user scrolls: the rows after the last record number shown. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<ResidentSummary> findAfter(ResidentFilter filter, String afterRecordNo, int limit) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.search(filter, today(), afterRecordNo, limit, seesFullIdNumbers());
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<ResidentSummary> search(ResidentFilter filter, int limit) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.search(filter, today(), limit, seesFullIdNumbers());
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public int count(ResidentFilter filter) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.count(filter, today(), seesFullIdNumbers());
    }

    /** Whether the register holds anyone (not voided): stops at the first row, where a count reads them all. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public boolean hasResidents() {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.hasResidents();
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public int countAll() {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.countAll();
    }

    /** Opens a resident's file; the reading itself is logged (who read whose record). */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Resident get(long id) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        Resident r = find(id);
        audit.record(AuditLog.READ, "resident", id, AuditSummary.of("auditSummary.recordNo", r.recordNo()), null);
        if (r.idNumber() != null && seesFullIdNumbers()) {
            // An ID number in full is what identity theft needs: its own row says who read whose, to filter on.
            audit.record(
                    AuditLog.READ, ID_NUMBER_READ, id, AuditSummary.of("auditSummary.recordNo", r.recordNo()), null);
        }
        return forViewer(r);
    }

    /** The audit entity of a full ID number handed to a user (the row's entity id is the resident's id). */
    public static final String ID_NUMBER_READ = "resident_id_number";

    /** What other parts of the care file need to know of a resident (no audit row: nothing personal is shown). */
    public record Basics(long id, String name, Gender gender, LocalDate birthDate, LocalDate admissionDate) {}

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Basics basics(long id) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        Resident r = find(id);
        return new Basics(r.id(), r.name(), r.gender(), r.birthDate(), r.admissionDate());
    }

    /** Whether the current user sees ID numbers in full. */
    @AnyUser
    public boolean seesFullIdNumbers() {
        return user.can(AppModule.ID_NUMBERS, Action.VIEW);
    }

    private Resident find(long id) {
        return repo.find(id).orElseThrow(() -> new UserFacingException("error.residentNotFound", id));
    }

    private Resident forViewer(Resident r) {
        if (r.idNumber() == null || seesFullIdNumbers()) {
            return r;
        }
        return r.withIdNumber(IdNumber.mask(r.idNumber()));
    }

    /** Problems of a profile that can be told without the database: for a form to show at the field. */
    @AnyUser
    public List<FieldError> check(Resident r) {
        List<FieldError> all = ResidentValidator.validate(r, today());
        if (isMasked(r.idNumber())) {
            return all.stream()
                    .filter(e -> !e.field().equals(ResidentValidator.ID_NUMBER))
                    .toList();
        }
        return all;
    }

    private static boolean isMasked(String idNumber) {
        return idNumber != null && idNumber.contains("*");
    }

    /** Admits a new resident: saves the profile and opens the status history with "in care" on the admission date. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public Resident create(Resident draft) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return tx.inTransaction(() -> insertValidated(normalize(draft)));
    }

    /** Admits many residents at once, all or none (the import's commit). */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public int createAll(List<Resident> drafts) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return tx.inTransaction(() -> {
            for (Resident d : drafts) {
                insertValidated(normalize(d));
            }
            return drafts.size();
        });
    }

    private Resident insertValidated(Resident r) {
        if (isMasked(r.idNumber())) {
            throw new ValidationException(
                    List.of(new FieldError(ResidentValidator.ID_NUMBER, "idnumber.BAD_CHARACTERS")));
        }
        List<FieldError> errors = new ArrayList<>(check(r));
        errors.addAll(uniquenessProblems(r));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Resident numbered = r.recordNo() == null ? r.withRecordNo(nextRecordNo(r.admissionDate())) : r;
        LocalDateTime now = LocalDateTime.now(clock);
        long id = repo.insert(numbered, user.username(), now);
        repo.insertStatusEvent(id, ResidentStatus.IN_CARE, numbered.admissionDate(), null, user.username(), now);
        if (numbered.livingGroupId() != null) {
            repo.insertGroupHistory(id, numbered.livingGroupId(), numbered.admissionDate(), user.username(), now);
        }
        Resident saved = numbered.withIdAndVersion(id, 0);
        audit.record(
                AuditLog.CREATE,
                "resident",
                id,
                AuditSummary.of("auditSummary.recordNo", saved.recordNo()),
                AuditChanges.created(saved));
        return saved;
    }

    /** Saves a new or changed profile and, when given, its new photo: both or neither. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Resident save(Resident r, byte[] newPhoto, String photoType) {
        user.require(AppModule.RESIDENTS, Action.VIEW); // then create or update checks its own permission
        return tx.inTransaction(() -> {
            Resident saved = r.id() == null ? create(r) : update(r);
            if (newPhoto != null) {
                setPhoto(saved.id(), newPhoto, photoType);
            }
            return saved;
        });
    }

    /** Saves a changed profile if nobody saved it in between; an ID number shown masked keeps the stored one. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EDIT)
    public Resident update(Resident changed) {
        user.require(AppModule.RESIDENTS, Action.EDIT);
        return tx.inTransaction(() -> {
            Resident before = find(changed.id());
            Resident r = keepMaskedIdNumber(normalize(changed), before);
            List<FieldError> errors = new ArrayList<>(check(r));
            Checks recordNo = new Checks(today());
            String field = ResidentValidator.RECORD_NO; // its length is the validator's
            recordNo.text(field, ResidentValidator.label(field), r.recordNo(), Integer.MAX_VALUE, true);
            errors.addAll(recordNo.errors());
            errors.addAll(uniquenessProblems(r));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (!repo.update(r, user.username(), LocalDateTime.now(clock))) {
                var stamp = repo.lastUpdate(r.id())
                        .orElseThrow(() -> new UserFacingException("error.residentNotFound", r.id()));
                throw new StaleRecordException(Accounts.displayName(stamp.by()), stamp.at());
            }
            if (!Objects.equals(before.livingGroupId(), r.livingGroupId())) {
                repo.insertGroupHistory(r.id(), r.livingGroupId(), today(), user.username(), LocalDateTime.now(clock));
            }
            Resident saved = r.withIdAndVersion(r.id(), r.version() + 1);
            audit.record(
                    AuditLog.EDIT,
                    "resident",
                    r.id(),
                    AuditSummary.of("auditSummary.recordNo", r.recordNo()),
                    AuditChanges.diff(before, saved));
            return forViewer(saved);
        });
    }

    private static Resident keepMaskedIdNumber(Resident r, Resident stored) {
        if (!isMasked(r.idNumber())) {
            return r;
        }
        if (!r.idNumber().equals(IdNumber.mask(stored.idNumber()))) {
            throw new ValidationException(
                    List.of(new FieldError(ResidentValidator.ID_NUMBER, "idnumber.BAD_CHARACTERS")));
        }
        return r.withIdNumber(stored.idNumber());
    }

    /** ID number and record number each belong to one resident only. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<FieldError> uniquenessProblems(Resident r) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        Checks checks = new Checks(LocalDate.now(clock));
        String holder = r.idNumber() == null
                ? null
                : repo.recordNoHoldingIdNumber(r.idNumber(), r.id()).orElse(null);
        checks.notTaken(ResidentValidator.ID_NUMBER, "idnumber.DUPLICATE", holder != null, holder);
        checks.notTaken(
                ResidentValidator.RECORD_NO,
                "validation.recordNoTaken",
                r.recordNo() != null && repo.recordNoTaken(r.recordNo(), r.id()),
                r.recordNo());
        return checks.errors();
    }

    /**
     * {@link #uniquenessProblems(Resident)} for many new residents at once, by their index in {@code drafts}: a
     * few queries for the whole list rather than two per resident (an import's check).
     */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Map<Integer, List<FieldError>> uniquenessProblems(List<Resident> drafts) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        List<String> idNumbers = new ArrayList<>();
        List<String> recordNos = new ArrayList<>();
        for (Resident r : drafts) {
            if (r.idNumber() != null) {
                idNumbers.add(r.idNumber());
            }
            if (r.recordNo() != null) {
                recordNos.add(r.recordNo());
            }
        }
        Map<String, String> held = repo.recordNosHoldingIdNumbers(idNumbers);
        Set<String> taken = repo.recordNosTaken(recordNos);
        Map<Integer, List<FieldError>> problems = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < drafts.size(); i++) {
            Resident r = drafts.get(i);
            Checks checks = new Checks(today);
            String holder = r.idNumber() == null ? null : held.get(r.idNumber());
            checks.notTaken(ResidentValidator.ID_NUMBER, "idnumber.DUPLICATE", holder != null, holder);
            checks.notTaken(
                    ResidentValidator.RECORD_NO,
                    "validation.recordNoTaken",
                    r.recordNo() != null && taken.contains(r.recordNo()),
                    r.recordNo());
            checks.addTo(problems, i);
        }
        return problems;
    }

    /**
     * Admits the residents of an import, all or none: each checked as {@link #create} checks one, record numbers
     * given per admission year after the highest, then written in batches (profile, first status event, living
     * group, search keys) with one audit row each and one for the import. As fast at 20,000 as the database's batch
     * insert allows, where one {@link #create} per row took seconds per thousand.
     */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public int importAll(List<Resident> drafts, List<String> livingGroups, String source) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return admitAll(drafts, livingGroups, source).size();
    }

    /** As {@link #importAll}, returning the admitted residents (ids and record numbers given) in the drafts' order. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public List<Resident> admitAll(List<Resident> drafts, String source) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        return admitAll(drafts, Collections.nCopies(drafts.size(), null), source);
    }

    /**
     * As {@link #admitAll(List, String)}, each draft placed in the living group named beside it (made, with its audit
     * row, where the home has none of the name; null: the draft's own). On H2 the rows are committed every
     * {@link ResidentImportRepository#CHUNK} residents while the database is held ({@link Transactions#inChunks}),
     * recorded as an {@link ImportBatches} batch that a failure or the next start undoes.
     */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public List<Resident> admitAll(List<Resident> drafts, List<String> livingGroups, String source) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        ImportBatchRepository.Batch[] started = {null};
        return tx.inChunks(
                chunks -> {
                    Set<String> recordNosInFile = new HashSet<>();
                    List<Resident> checked = checkedForImport(drafts, recordNosInFile);
                    LocalDateTime now = LocalDateTime.now(clock);
                    // One transaction (PostgreSQL) needs no batch, and its audit rows stay at its end, where the
                    // chain's head is locked for the last moments only.
                    ImportBatchRepository.Batch batch = chunks.separate() ? batches.begin(user.username(), now) : null;
                    started[0] = batch;
                    chunks.commit();
                    Long batchId = batch == null ? null : batch.id();
                    List<Resident> placed = placed(checked, livingGroups, batchId, now);
                    List<Resident> numbered = numberAll(placed, recordNosInFile);
                    List<Resident> admitted = new ArrayList<>(numbered.size());
                    int chunk = ResidentImportRepository.CHUNK;
                    for (int from = 0; from < numbered.size(); from += chunk) {
                        List<Resident> part = numbered.subList(from, Math.min(numbered.size(), from + chunk));
                        admitted.addAll(admitChunk(part, now, batchId));
                        chunks.commit();
                        afterChunk.run();
                    }
                    audit.recordAll(List.of(new AuditLog.Change(
                            AuditLog.IMPORT,
                            "resident",
                            null,
                            AuditSummary.of("auditSummary.residentsImported", source, numbered.size()),
                            null)));
                    if (batch != null) {
                        batches.done(batch);
                    }
                    return admitted;
                },
                () -> {
                    if (started[0] != null) {
                        batches.undo(started[0]);
                    }
                });
    }

    /** Each draft checked as {@link #create} checks one, against the register and the others; all or none. */
    private List<Resident> checkedForImport(List<Resident> drafts, Set<String> recordNosInFile) {
        List<Resident> normalized = new ArrayList<>(drafts.size());
        List<FieldError> errors = new ArrayList<>();
        Set<String> idsInFile = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (Resident d : drafts) {
            Resident r = normalize(d);
            if (isMasked(r.idNumber())) {
                errors.add(new FieldError(ResidentValidator.ID_NUMBER, "import.maskedId"));
            }
            errors.addAll(check(r));
            // taken by an earlier row of the same file (add is false for a value seen before)
            Checks inFile = new Checks(today);
            boolean idSeen = r.idNumber() != null && !idsInFile.add(r.idNumber());
            boolean recordNoSeen = r.recordNo() != null && !recordNosInFile.add(r.recordNo());
            inFile.notTaken(ResidentValidator.ID_NUMBER, "idnumber.DUPLICATE", idSeen, r.idNumber());
            inFile.notTaken(ResidentValidator.RECORD_NO, "validation.recordNoTaken", recordNoSeen, r.recordNo());
            errors.addAll(inFile.errors());
            normalized.add(r);
        }
        uniquenessProblems(normalized).values().forEach(errors::addAll);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return normalized;
    }

    /** The drafts in the living groups named beside them, making those the home does not have yet. */
    private List<Resident> placed(List<Resident> drafts, List<String> names, Long batch, LocalDateTime now) {
        Map<String, Long> groups = new HashMap<>();
        for (LivingGroup g : repo.livingGroups()) {
            groups.put(g.name(), g.id());
        }
        List<Resident> placed = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            String name = names.get(i) == null ? null : clean(names.get(i));
            if (name == null || name.isEmpty()) {
                placed.add(drafts.get(i));
                continue;
            }
            long id = groups.computeIfAbsent(name, n -> {
                long made = repo.insertLivingGroup(n, user.username(), now, batch);
                audit.record(AuditLog.CREATE, "living_group", made, AuditSummary.of("auditSummary.value", n), null);
                return made;
            });
            placed.add(drafts.get(i).withLivingGroupId(id));
        }
        return placed;
    }

    /** One chunk's residents and their audit rows, in a batch written now (committed with the chunk). */
    private List<Resident> admitChunk(List<Resident> part, LocalDateTime now, Long batch) {
        List<Long> ids = repo.insertImported(part, user.username(), now, batch);
        List<AuditLog.Change> changes = new ArrayList<>(part.size());
        List<Resident> admitted = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            Resident saved = part.get(i).withIdAndVersion(ids.get(i), 0);
            admitted.add(saved);
            changes.add(new AuditLog.Change(
                    AuditLog.CREATE,
                    "resident",
                    saved.id(),
                    AuditSummary.of("auditSummary.value", saved.recordNo()),
                    AuditChanges.created(saved)));
        }
        if (batch != null) {
            audit.recordAllNow(changes);
        } else {
            audit.recordAll(changes);
        }
        return admitted;
    }

    /** A test's stand-in for a process cut off between two chunks (it closes the database under the import). */
    void afterEachChunk(Runnable hook) {
        afterChunk = hook;
    }

    /**
     * Undoes the imports a process left unfinished (H2, cut off between chunks), before anyone uses the home: run
     * once as it opens. Returns how many there were.
     */
    @AnyUser
    public int undoUnfinishedImports() {
        return tx.inTransaction(batches::undoUnfinished);
    }

    /** Record numbers for those without, per admission year after the highest, skipping any taken or in the file. */
    private List<Resident> numberAll(List<Resident> residents, Set<String> inFile) {
        Map<Integer, Set<String>> takenByYear = new HashMap<>();
        Map<Integer, Integer> nextByYear = new HashMap<>();
        List<Resident> numbered = new ArrayList<>(residents.size());
        for (Resident r : residents) {
            if (r.recordNo() != null) {
                numbered.add(r);
                continue;
            }
            int year = r.admissionDate().getYear();
            String prefix = year + "-";
            Set<String> taken = takenByYear.computeIfAbsent(year, y -> repo.recordNosWithPrefix(prefix));
            int next = nextByYear.computeIfAbsent(year, y -> firstUnissued(prefix));
            String candidate = prefix + String.format("%04d", next);
            while (taken.contains(candidate) || inFile.contains(candidate)) {
                next++;
                candidate = prefix + String.format("%04d", next);
            }
            nextByYear.put(year, next + 1);
            numbered.add(r.withRecordNo(candidate));
        }
        return numbered;
    }

    /**
     * The number after the highest the register holds and the highest ever given out (a restore of an older backup
     * records what the replaced database had issued: a number once on a child's papers is never given again).
     */
    private int firstUnissued(String prefix) {
        int inRegister = repo.maxRecordNo(prefix)
                .map(max -> max.substring(prefix.length()))
                .filter(rest -> rest.matches("\\d+"))
                .map(Integer::parseInt)
                .orElse(0);
        return Math.max(inRegister, repo.recordNoFloor(prefix)) + 1;
    }

    /** Record numbers run per admission year: 2024-0001, 2024-0002, ... */
    private String nextRecordNo(LocalDate admission) {
        String prefix = admission.getYear() + "-";
        int next = firstUnissued(prefix);
        String candidate = prefix + String.format("%04d", next);
        while (repo.recordNoTaken(candidate, null)) {
            next++;
            candidate = prefix + String.format("%04d", next);
        }
        return candidate;
    }

    /** Trims text, turns blanks into nulls and upper-cases the ID number's x, so that stored values compare. */
    static Resident normalize(Resident r) {
        return new Resident(
                r.id(),
                r.version(),
                clean(r.recordNo()),
                clean(r.name()),
                clean(r.formerName()),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                clean(r.ethnicity()),
                IdNumber.normalize(r.idNumber()),
                clean(r.householdRegistration()),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                clean(r.admissionFrom()),
                r.disabilityType() == null ? DisabilityType.NONE : r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                clean(r.guardianshipNote()),
                r.livingGroupId(),
                clean(r.note()));
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Every resident, streamed, for an export: ID numbers in full only when asked and permitted. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EXPORT)
    public void forEachForExport(boolean fullIdNumbers, Consumer<Resident> sink) {
        user.require(AppModule.RESIDENTS, Action.EXPORT);
        if (fullIdNumbers) {
            user.require(AppModule.ID_NUMBERS, Action.VIEW);
        }
        repo.forEach(r -> sink.accept(fullIdNumbers ? r : forMaskedExport(r)));
    }

    private static Resident forMaskedExport(Resident r) {
        return r.idNumber() == null ? r : r.withIdNumber(IdNumber.mask(r.idNumber()));
    }

    /** Logs an export of the register: where, how many rows, whether ID numbers were in full. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EXPORT)
    public void recordExport(String target, int rows, boolean fullIdNumbers, List<String> columns) {
        user.require(AppModule.RESIDENTS, Action.EXPORT);
        audit.record(
                AuditLog.EXPORT,
                "resident",
                null,
                AuditSummary.of(
                        fullIdNumbers ? "auditSummary.residentsExportedFull" : "auditSummary.residentsExported",
                        target,
                        rows),
                AuditChanges.quote(String.join(",", columns)));
    }

    /** Logs an import: from which file and how many residents. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void recordImport(String source, int rows) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        audit.record(
                AuditLog.IMPORT,
                "resident",
                null,
                AuditSummary.of("auditSummary.residentsImported", source, rows),
                null);
    }

    // ---- status history --------------------------------------------------------------------------------------

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<StatusEvent> statusHistory(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.statusHistory(residentId);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<GroupMembership> groupHistory(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.groupHistory(residentId);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Optional<ResidentStatus> currentStatus(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.currentStatus(residentId);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EDIT)
    public StatusEvent recordStatus(long residentId, ResidentStatus status, LocalDate date, String note) {
        user.require(AppModule.RESIDENTS, Action.EDIT);
        return tx.inTransaction(() -> {
            Resident r = find(residentId);
            Checks checks = new Checks(today()); // its sentences name the field
            checks.required("status", "field.newStatus", status);
            checks.pastDate("date", "field.statusDate", date, "validation.dateRequired.status");
            checks.rule(
                    date == null || date.isAfter(today()) || !date.isBefore(r.admissionDate()),
                    "date",
                    "validation.statusBeforeAdmission",
                    r.admissionDate().toString());
            String cleanNote = clean(note);
            checks.lines("note", "field.note", cleanNote, 1000, false);
            checks.throwIfAny();
            LocalDateTime now = LocalDateTime.now(clock);
            long id = repo.insertStatusEvent(residentId, status, date, cleanNote, user.username(), now);
            StatusEvent e =
                    new StatusEvent(id, residentId, status, date, cleanNote, EntryTrail.recorded(user.username(), now));
            audit.record(
                    AuditLog.CREATE,
                    "resident_status_event",
                    id,
                    AuditSummary.of("auditSummary.residentStatus", r.recordNo(), status),
                    AuditChanges.created(e));
            return e;
        });
    }

    /** Marks a mistaken entry of the history as void; it stays visible, with who voided it, when and why. */
    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VOID)
    public void voidStatus(long residentId, long eventId, String reason) {
        user.require(AppModule.RESIDENTS, Action.VOID);
        String why = clean(reason);
        if (why == null) {
            throw new ValidationException(List.of(new FieldError("reason", "validation.voidReasonRequired")));
        }
        HiddenCharacters.checkReason(why);
        Voidable events = repo.statusEvents(user.username(), LocalDateTime.now(clock));
        tx.inTransaction(() -> {
            long remaining = repo.statusHistory(residentId).stream()
                    .filter(e -> !e.voided() && e.id() != eventId)
                    .count();
            if (remaining == 0) {
                throw new UserFacingException("error.lastStatusEvent");
            }
            if (!events.voidRow(eventId, why)) {
                throw new UserFacingException("error.alreadyVoided");
            }
            audit.record(AuditLog.VOID, events.auditName(), eventId, AuditSummary.of("auditSummary.voided", why), null);
        });
    }

    // ---- photo and living groups -----------------------------------------------------------------------------

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public Optional<byte[]> photo(long residentId) {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.photo(residentId);
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.EDIT)
    public void setPhoto(long residentId, byte[] content, String contentType) {
        user.require(AppModule.RESIDENTS, Action.EDIT);
        if (content.length > MAX_PHOTO_BYTES) {
            throw new UserFacingException("error.photoTooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        if (contentType == null || !contentType.startsWith("image/")) {
            throw new UserFacingException("error.photoNotImage");
        }
        tx.inTransaction(() -> {
            repo.savePhoto(residentId, content, contentType, user.username(), LocalDateTime.now(clock));
            audit.record(
                    AuditLog.EDIT,
                    "resident_photo",
                    residentId,
                    AuditSummary.of("auditSummary.photo", content.length),
                    null);
        });
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.VIEW)
    public List<LivingGroup> livingGroups() {
        user.require(AppModule.RESIDENTS, Action.VIEW);
        return repo.livingGroups();
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public LivingGroup createLivingGroup(String name) {
        user.require(AppModule.RESIDENTS, Action.CREATE);
        String n = clean(name);
        Checks checks = new Checks(today());
        checks.text("name", "field.livingGroup", n, Integer.MAX_VALUE, true);
        checks.throwIfAny();
        return tx.inTransaction(() -> {
            Optional<LivingGroup> existing =
                    repo.livingGroups().stream().filter(g -> g.name().equals(n)).findFirst();
            return existing.orElseGet(() -> {
                long id = repo.insertLivingGroup(n, user.username(), LocalDateTime.now(clock));
                audit.record(AuditLog.CREATE, "living_group", id, AuditSummary.of("auditSummary.value", n), null);
                return new LivingGroup(id, n);
            });
        });
    }
}
