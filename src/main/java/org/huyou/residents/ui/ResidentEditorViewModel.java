package org.huyou.residents.ui;

import static org.huyou.residents.ResidentValidator.ADMISSION_DATE;
import static org.huyou.residents.ResidentValidator.ADMISSION_FROM;
import static org.huyou.residents.ResidentValidator.ADMISSION_SOURCE;
import static org.huyou.residents.ResidentValidator.BIRTH_DATE;
import static org.huyou.residents.ResidentValidator.CATEGORY;
import static org.huyou.residents.ResidentValidator.DISABILITY_GRADE;
import static org.huyou.residents.ResidentValidator.DISABILITY_TYPE;
import static org.huyou.residents.ResidentValidator.ETHNICITY;
import static org.huyou.residents.ResidentValidator.FORMER_NAME;
import static org.huyou.residents.ResidentValidator.GENDER;
import static org.huyou.residents.ResidentValidator.GUARDIANSHIP;
import static org.huyou.residents.ResidentValidator.GUARDIANSHIP_NOTE;
import static org.huyou.residents.ResidentValidator.HOUSEHOLD;
import static org.huyou.residents.ResidentValidator.ID_NUMBER;
import static org.huyou.residents.ResidentValidator.LIVING_GROUP;
import static org.huyou.residents.ResidentValidator.NAME;
import static org.huyou.residents.ResidentValidator.NOTE;
import static org.huyou.residents.ResidentValidator.RECORD_NO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.FieldError;
import org.huyou.common.Gender;
import org.huyou.common.IdNumber;
import org.huyou.common.Messages;
import org.huyou.common.RecordMerge;
import org.huyou.common.StaleRecordException;
import org.huyou.common.UserFacingException;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;

/**
 * The resident form's state and rules, without controls: field values, the problem of each field (checked as the
 * user leaves it and all at once on save), whether anything changed, and the save itself.
 */
public final class ResidentEditorViewModel {

    /** The order fields appear in the form, so that save can move focus to the first problem. */
    public static final List<String> FIELD_ORDER = List.of(
            RECORD_NO,
            NAME,
            FORMER_NAME,
            GENDER,
            BIRTH_DATE,
            ETHNICITY,
            ID_NUMBER,
            HOUSEHOLD,
            CATEGORY,
            ADMISSION_DATE,
            ADMISSION_SOURCE,
            ADMISSION_FROM,
            DISABILITY_TYPE,
            DISABILITY_GRADE,
            GUARDIANSHIP,
            GUARDIANSHIP_NOTE,
            LIVING_GROUP,
            NOTE);

    private final ResidentService service;
    private final TaskRunner tasks;
    private Long id;
    private Integer version;

    final StringProperty recordNo = new SimpleStringProperty("");
    final StringProperty name = new SimpleStringProperty("");
    final StringProperty formerName = new SimpleStringProperty("");
    final ObjectProperty<Gender> gender = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>();
    final BooleanProperty birthDateEstimated = new SimpleBooleanProperty();
    final ObjectProperty<String> ethnicity = new SimpleObjectProperty<>(Ethnicity.HAN);
    final StringProperty idNumber = new SimpleStringProperty("");
    final StringProperty household = new SimpleStringProperty("");
    final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> admissionDate = new SimpleObjectProperty<>();
    final ObjectProperty<AdmissionSource> admissionSource = new SimpleObjectProperty<>();
    final StringProperty admissionFrom = new SimpleStringProperty("");
    final ObjectProperty<DisabilityType> disabilityType = new SimpleObjectProperty<>(DisabilityType.NONE);
    final ObjectProperty<Integer> disabilityGrade = new SimpleObjectProperty<>();
    final ObjectProperty<Guardianship> guardianship = new SimpleObjectProperty<>(Guardianship.CIVIL_AFFAIRS_LONG_TERM);
    final StringProperty guardianshipNote = new SimpleStringProperty("");
    final ObjectProperty<LivingGroup> livingGroup = new SimpleObjectProperty<>();
    final StringProperty note = new SimpleStringProperty("");
    final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>();
    private String photoType;
    private boolean photoChanged;

    private final ObservableList<LivingGroup> groups = FXCollections.observableArrayList();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private Resident loaded;

    /** A form for a new resident, with today as the admission date. */
    public ResidentEditorViewModel(ResidentService service, TaskRunner tasks, List<LivingGroup> groups) {
        this(service, tasks, groups, null, null);
    }

    /** A form over an existing resident. */
    public ResidentEditorViewModel(
            ResidentService service,
            TaskRunner tasks,
            List<LivingGroup> groups,
            Resident existing,
            byte[] existingPhoto) {
        this.service = service;
        this.tasks = tasks;
        this.groups.setAll(groups);
        FIELD_ORDER.forEach(f -> errors.put(f, new SimpleStringProperty("")));
        if (existing == null) {
            id = null;
            version = null;
            admissionDate.set(service.today());
        } else {
            id = existing.id();
            version = existing.version();
            load(existing);
            photo.set(existingPhoto);
        }
        loaded = toResident();
        // A grade belongs to a disability: choosing "none" clears it.
        disabilityType.addListener((o, a, b) -> {
            if (b == DisabilityType.NONE) {
                disabilityGrade.set(null);
            }
        });
    }

    private void load(Resident r) {
        recordNo.set(nz(r.recordNo()));
        name.set(nz(r.name()));
        formerName.set(nz(r.formerName()));
        gender.set(r.gender());
        birthDate.set(r.birthDate());
        birthDateEstimated.set(r.birthDateEstimated());
        ethnicity.set(r.ethnicity());
        idNumber.set(nz(r.idNumber()));
        household.set(nz(r.householdRegistration()));
        category.set(r.category());
        admissionDate.set(r.admissionDate());
        admissionSource.set(r.admissionSource());
        admissionFrom.set(nz(r.admissionFrom()));
        disabilityType.set(r.disabilityType());
        disabilityGrade.set(r.disabilityGrade());
        guardianship.set(r.guardianship());
        guardianshipNote.set(nz(r.guardianshipNote()));
        livingGroup.set(groups.stream()
                .filter(g -> Objects.equals(g.id(), r.livingGroupId()))
                .findFirst()
                .orElse(null));
        note.set(nz(r.note()));
    }

    public Resident toResident() {
        LivingGroup g = livingGroup.get();
        return new Resident(
                id,
                version,
                recordNo.get(),
                name.get(),
                formerName.get(),
                gender.get(),
                birthDate.get(),
                birthDateEstimated.get(),
                ethnicity.get(),
                IdNumber.normalize(idNumber.get()),
                household.get(),
                category.get(),
                admissionDate.get(),
                admissionSource.get(),
                admissionFrom.get(),
                disabilityType.get(),
                disabilityGrade.get(),
                guardianship.get(),
                guardianshipNote.get(),
                g == null ? null : g.id(),
                note.get());
    }

    public boolean isNew() {
        return id == null;
    }

    /** Whether the form differs from what was loaded (blank and empty count as the same). */
    public boolean isDirty() {
        return photoChanged || !normalized(toResident()).equals(normalized(loaded));
    }

    private static Resident normalized(Resident r) {
        return new Resident(
                r.id(),
                r.version(),
                blankToNull(r.recordNo()),
                blankToNull(r.name()),
                blankToNull(r.formerName()),
                r.gender(),
                r.birthDate(),
                r.birthDateEstimated(),
                r.ethnicity(),
                r.idNumber(),
                blankToNull(r.householdRegistration()),
                r.category(),
                r.admissionDate(),
                r.admissionSource(),
                blankToNull(r.admissionFrom()),
                r.disabilityType(),
                r.disabilityGrade(),
                r.guardianship(),
                blankToNull(r.guardianshipNote()),
                r.livingGroupId(),
                blankToNull(r.note()));
    }

    /** Checks one field as the user leaves it: shows its problem, or clears it. */
    public void validateField(String field) {
        Optional<FieldError> problem = service.check(toResident()).stream()
                .filter(e -> e.field().equals(field))
                .findFirst();
        error(field).set(problem.map(FieldError::message).orElse(""));
    }

    /** Checks every field; returns the first field with a problem, in form order. */
    public Optional<String> validateAll() {
        List<FieldError> all = service.check(toResident());
        showErrors(all);
        return firstError();
    }

    private void showErrors(List<FieldError> all) {
        errors.values().forEach(p -> p.set(""));
        for (FieldError e : all) {
            StringProperty p = errors.get(e.field());
            if (p != null && p.get().isEmpty()) {
                p.set(e.message());
            }
        }
    }

    public Optional<String> firstError() {
        return FIELD_ORDER.stream().filter(f -> !errors.get(f).get().isEmpty()).findFirst();
    }

    /**
     * Saves when the form is valid: in the background, then {@code onSaved} with the stored resident. Problems the
     * database finds (a duplicate ID number) come back to their fields; {@code onFailed} gets anything else.
     * Returns the first field with a problem when the form cannot be saved as it is.
     */
    public Optional<String> save(Consumer<Resident> onSaved, Consumer<Throwable> onFailed) {
        Optional<String> first = validateAll();
        if (first.isPresent() || saving.get()) {
            return first;
        }
        Resident r = toResident();
        byte[] newPhoto = photoChanged ? photo.get() : null;
        String type = photoType;
        saving.set(true);
        tasks.run(
                () -> service.save(r, newPhoto, type),
                saved -> {
                    saving.set(false);
                    // The form now shows the stored record (its number, its version), so a second save updates it.
                    id = saved.id();
                    version = saved.version();
                    load(saved);
                    loaded = toResident();
                    photoChanged = false;
                    onSaved.accept(saved);
                },
                failure -> {
                    saving.set(false);
                    if (failure instanceof ValidationException v) {
                        showErrors(v.errors());
                        if (firstError().isPresent()) {
                            onFailed.accept(null);
                            return;
                        }
                    }
                    onFailed.accept(failure);
                });
        return Optional.empty();
    }

    /** Another PC's save since this form was opened: who, when, what they stored, and where it differs from this form. */
    public record Conflict(String savedBy, Object savedAt, Resident theirs, List<RecordMerge.Difference> differences) {}

    /**
     * After a save refused because someone else saved first: reads their version in the background and hands over
     * the fields where it differs from this form. The form itself is left as the user typed it.
     */
    public void fetchConflict(StaleRecordException stale, Consumer<Conflict> onReady, Consumer<Throwable> onFailed) {
        Resident base = normalized(loaded);
        Resident mine = normalized(toResident());
        tasks.run(
                () -> service.get(id),
                theirs -> onReady.accept(new Conflict(
                        stale.updatedBy(),
                        stale.updatedAt(),
                        theirs,
                        RecordMerge.differences(base, mine, normalized(theirs)))),
                onFailed);
    }

    /**
     * Takes the chosen fields from the other save and keeps the rest of this form; the form now builds on the stored
     * version, so the next save goes through (and still shows as a change against what is stored).
     */
    public void resolve(Conflict conflict, Set<String> takeTheirs) {
        Resident merged = RecordMerge.merge(normalized(toResident()), normalized(conflict.theirs()), takeTheirs);
        id = merged.id();
        version = merged.version();
        load(merged);
        loaded = conflict.theirs();
    }

    /** Reads a chosen photo file in the background (size and type checked first), then shows it in the form. */
    public void loadPhoto(Path file, Consumer<Throwable> onFailed) {
        tasks.run(
                () -> {
                    try {
                        if (Files.size(file) > ResidentService.MAX_PHOTO_BYTES) {
                            throw new UserFacingException(
                                    "error.photoTooLarge", ResidentService.MAX_PHOTO_BYTES / 1024 / 1024);
                        }
                        String type = Files.probeContentType(file);
                        if (type == null) {
                            type = file.toString().toLowerCase(Locale.ROOT).endsWith(".png")
                                    ? "image/png"
                                    : "image/jpeg";
                        }
                        return Map.entry(Files.readAllBytes(file), type);
                    } catch (IOException e) {
                        throw new UserFacingException(e, "error.photoUnreadable");
                    }
                },
                photoAndType -> setPhoto(photoAndType.getKey(), photoAndType.getValue()),
                onFailed);
    }

    public void setPhoto(byte[] bytes, String contentType) {
        photo.set(bytes);
        photoType = contentType;
        photoChanged = true;
    }

    public StringProperty error(String field) {
        return errors.get(field);
    }

    public ObservableList<LivingGroup> groups() {
        return groups;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public String title() {
        return isNew()
                ? Messages.t("residents.editorTitleNew")
                : Messages.t("residents.editorTitleEdit", loaded.name());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
