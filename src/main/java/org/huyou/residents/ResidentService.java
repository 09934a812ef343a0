package org.huyou.residents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.huyou.common.FieldError;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.db.Transactions;
import org.huyou.security.CurrentUser;

/**
 * The resident register's rules: validation, numbering, uniqueness, the status history and optimistic locking,
 * each write in one transaction. The UI and the CLI both come through here.
 */
public final class ResidentService {

    /** Photos are for recognising a child on screen, not archives: keep them small. */
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private final ResidentRepository repo;
    private final Transactions tx;
    private final CurrentUser user;
    private final Clock clock;

    public ResidentService(ResidentRepository repo, Transactions tx, CurrentUser user, Clock clock) {
        this.repo = repo;
        this.tx = tx;
        this.user = user;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<ResidentSummary> search(ResidentFilter filter, int limit) {
        return repo.search(filter, today(), limit);
    }

    public int count(ResidentFilter filter) {
        return repo.count(filter, today());
    }

    public int countAll() {
        return repo.countAll();
    }

    public Resident get(long id) {
        return repo.find(id).orElseThrow(() -> new UserFacingException("error.residentNotFound", id));
    }

    /** Problems of a profile that can be told without the database: for a form to show at the field. */
    public List<FieldError> check(Resident r) {
        return ResidentValidator.validate(r, today());
    }

    /** Admits a new resident: saves the profile and opens the status history with "in care" on the admission date. */
    public Resident create(Resident draft) {
        return tx.inTransaction(() -> insertValidated(normalize(draft)));
    }

    /** Admits many residents at once, all or none (the import's commit). */
    public int createAll(List<Resident> drafts) {
        return tx.inTransaction(() -> {
            for (Resident d : drafts) {
                insertValidated(normalize(d));
            }
            return drafts.size();
        });
    }

    private Resident insertValidated(Resident r) {
        List<FieldError> errors = new ArrayList<>(check(r));
        errors.addAll(uniquenessProblems(r));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Resident numbered = r.recordNo() == null ? r.withRecordNo(nextRecordNo(r.admissionDate())) : r;
        LocalDateTime now = LocalDateTime.now(clock);
        long id = repo.insert(numbered, user.username(), now);
        repo.insertStatusEvent(id, ResidentStatus.IN_CARE, numbered.admissionDate(), null, user.username(), now);
        return numbered.withIdAndVersion(id, 0);
    }

    /** Saves a new or changed profile and, when given, its new photo: both or neither. */
    public Resident save(Resident r, byte[] newPhoto, String photoType) {
        return tx.inTransaction(() -> {
            Resident saved = r.id() == null ? create(r) : update(r);
            if (newPhoto != null) {
                setPhoto(saved.id(), newPhoto, photoType);
            }
            return saved;
        });
    }

    public Resident update(Resident changed) {
        Resident r = normalize(changed);
        return tx.inTransaction(() -> {
            List<FieldError> errors = new ArrayList<>(check(r));
            if (r.recordNo() == null) {
                errors.add(new FieldError(ResidentValidator.RECORD_NO, "validation.required"));
            }
            errors.addAll(uniquenessProblems(r));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (!repo.update(r, user.username(), LocalDateTime.now(clock))) {
                var stamp = repo.lastUpdate(r.id()).orElseThrow(
                        () -> new UserFacingException("error.residentNotFound", r.id()));
                throw new StaleRecordException(stamp.by(), stamp.at());
            }
            return r.withIdAndVersion(r.id(), r.version() + 1);
        });
    }

    /** ID number and record number each belong to one resident only. */
    public List<FieldError> uniquenessProblems(Resident r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.idNumber() != null) {
            repo.recordNoHoldingIdNumber(r.idNumber(), r.id()).ifPresent(other ->
                    errors.add(new FieldError(ResidentValidator.ID_NUMBER, "idnumber.DUPLICATE", other)));
        }
        if (r.recordNo() != null && repo.recordNoTaken(r.recordNo(), r.id())) {
            errors.add(new FieldError(ResidentValidator.RECORD_NO, "validation.recordNoTaken", r.recordNo()));
        }
        return errors;
    }

    /** Record numbers run per admission year: 2024-0001, 2024-0002, ... */
    private String nextRecordNo(LocalDate admission) {
        String prefix = admission.getYear() + "-";
        int next = repo.maxRecordNo(prefix)
                .map(max -> max.substring(prefix.length()))
                .filter(rest -> rest.matches("\\d+"))
                .map(rest -> Integer.parseInt(rest) + 1)
                .orElse(1);
        String candidate = prefix + String.format("%04d", next);
        while (repo.recordNoTaken(candidate, null)) {
            next++;
            candidate = prefix + String.format("%04d", next);
        }
        return candidate;
    }

    /** Trims text, turns blanks into nulls and upper-cases the ID number's x, so that stored values compare. */
    static Resident normalize(Resident r) {
        return new Resident(r.id(), r.version(), clean(r.recordNo()), clean(r.name()), clean(r.formerName()),
                r.gender(), r.birthDate(), r.birthDateEstimated(), clean(r.ethnicity()),
                org.huyou.common.IdNumber.normalize(r.idNumber()), clean(r.householdRegistration()), r.category(),
                r.admissionDate(), r.admissionSource(), clean(r.admissionFrom()),
                r.disabilityType() == null ? DisabilityType.NONE : r.disabilityType(), r.disabilityGrade(),
                r.guardianship(), clean(r.guardianshipNote()), r.livingGroupId(), clean(r.note()));
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public void forEach(Consumer<Resident> sink) {
        repo.forEach(sink);
    }

    // ---- status history --------------------------------------------------------------------------------------

    public List<StatusEvent> statusHistory(long residentId) {
        return repo.statusHistory(residentId);
    }

    public Optional<ResidentStatus> currentStatus(long residentId) {
        return repo.currentStatus(residentId);
    }

    public StatusEvent recordStatus(long residentId, ResidentStatus status, LocalDate date, String note) {
        return tx.inTransaction(() -> {
            Resident r = get(residentId);
            List<FieldError> errors = new ArrayList<>();
            if (status == null) {
                errors.add(new FieldError("status", "validation.required"));
            }
            if (date == null) {
                errors.add(new FieldError("date", "validation.required"));
            } else if (date.isAfter(today())) {
                errors.add(new FieldError("date", "validation.dateInFuture"));
            } else if (date.isBefore(r.admissionDate())) {
                errors.add(new FieldError("date", "validation.statusBeforeAdmission", r.admissionDate().toString()));
            }
            String cleanNote = clean(note);
            if (cleanNote != null && cleanNote.length() > 1000) {
                errors.add(new FieldError("note", "validation.tooLong", 1000));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            LocalDateTime now = LocalDateTime.now(clock);
            long id = repo.insertStatusEvent(residentId, status, date, cleanNote, user.username(), now);
            return new StatusEvent(id, residentId, status, date, cleanNote, user.username(), now, null, null, null);
        });
    }

    /** Marks a mistaken entry of the history as void; it stays visible, with who voided it, when and why. */
    public void voidStatus(long residentId, long eventId, String reason) {
        String why = clean(reason);
        if (why == null) {
            throw new ValidationException(List.of(new FieldError("reason", "validation.voidReasonRequired")));
        }
        tx.inTransaction(() -> {
            long remaining = repo.statusHistory(residentId).stream()
                    .filter(e -> !e.voided() && e.id() != eventId).count();
            if (remaining == 0) {
                throw new UserFacingException("error.lastStatusEvent");
            }
            if (!repo.voidStatusEvent(eventId, why, user.username(), LocalDateTime.now(clock))) {
                throw new UserFacingException("error.alreadyVoided");
            }
        });
    }

    // ---- photo and living groups -----------------------------------------------------------------------------

    public Optional<byte[]> photo(long residentId) {
        return repo.photo(residentId);
    }

    public void setPhoto(long residentId, byte[] content, String contentType) {
        if (content.length > MAX_PHOTO_BYTES) {
            throw new UserFacingException("error.photoTooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        if (contentType == null || !contentType.startsWith("image/")) {
            throw new UserFacingException("error.photoNotImage");
        }
        tx.inTransaction(() -> repo.savePhoto(residentId, content, contentType, user.username(),
                LocalDateTime.now(clock)));
    }

    public List<LivingGroup> livingGroups() {
        return repo.livingGroups();
    }

    public LivingGroup createLivingGroup(String name) {
        String n = clean(name);
        if (n == null) {
            throw new ValidationException(List.of(new FieldError("name", "validation.required")));
        }
        return tx.inTransaction(() -> {
            Optional<LivingGroup> existing = repo.livingGroups().stream().filter(g -> g.name().equals(n)).findFirst();
            return existing.orElseGet(() ->
                    new LivingGroup(repo.insertLivingGroup(n, user.username(), LocalDateTime.now(clock)), n));
        });
    }
}
