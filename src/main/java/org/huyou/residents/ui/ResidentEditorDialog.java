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

import java.io.File;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.common.StaleRecordException;
import org.huyou.common.ui.ConflictDialog;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.HintWidth;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.SaveButtons;
import org.huyou.common.ui.ScrollIntoView;
import org.huyou.common.ui.UnreadableDates;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Ethnicity;
import org.huyou.residents.Guardianship;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;

/**
 * The resident form in a dialog: each field checked as the user leaves it; Save checks all and moves focus to the
 * first problem; Cancel on a changed form asks first. Fields carry ids named after the validator's fields.
 */
public final class ResidentEditorDialog {

    private final ResidentEditorViewModel vm;
    private final DialogService dialogs;
    private final Dialog<Resident> dialog;
    private final Map<String, Control> controls = new HashMap<>();
    private boolean closing;
    /** The form as unsaved input: the module counts it in when the user leaves, logs out or closes the window. */
    private final UnsavedChanges changes = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return dialog.isShowing() && dialog.getResult() == null && !closing && vm.isDirty();
        }

        @Override
        public void save(Consumer<Boolean> done) {
            trySave(done);
        }

        @Override
        public void discard() {
            closing = true; // what follows (leaving, logging out) closes it without asking again
            dialog.close();
        }
    };

    public ResidentEditorDialog(ResidentEditorViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.dialog = dialogs.dialog();
        dialog.setTitle(vm.title());
        dialog.setHeaderText(vm.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("residentEditor");
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().setPrefSize(820, 560);

        SaveButtons buttons = SaveButtons.addTo(dialog);
        buttons.onSave(() -> trySave(ok -> {})).setId("saveResident");
        buttons.cancelButton().setId("cancelResident");
        // Cancel, Esc and the window's close button all ask 保存 / 放弃修改 / 取消 when the form has changed (its
        // choices too, not only what was typed); a saved form has a result and just closes.
        buttons.guardWith(changes);
        dialog.setResultConverter(b -> null);
    }

    /** Shows the dialog and hands the saved resident to {@code onSaved}. */
    public void show(Consumer<Resident> onSaved) {
        dialog.show();
        controls.get(NAME).requestFocus();
        dialog.resultProperty().addListener((obs, old, saved) -> {
            if (saved != null) {
                onSaved.accept(saved);
            }
        });
    }

    /** The form's unsaved input, for the module's question on leaving. */
    public UnsavedChanges changes() {
        return changes;
    }

    /** Whether the dialog is still open. */
    public boolean isShowing() {
        return dialog.isShowing();
    }

    private void trySave(Consumer<Boolean> done) {
        // A date typed but not yet committed counts as what the user sees.
        controls.values().stream()
                .filter(DateField.class::isInstance)
                .map(DateField.class::cast)
                .forEach(DateField::commitText);
        if (UnreadableDates.refuse(dialog.getDialogPane())) {
            done.accept(false); // a date typed unreadably: said naming the field, the text kept, nothing saved
            return;
        }
        vm.save(
                        saved -> {
                            dialog.setResult(saved);
                            dialog.close();
                            done.accept(true);
                        },
                        failure -> {
                            done.accept(false);
                            if (failure == null) {
                                vm.firstError().ifPresent(f -> controls.get(f).requestFocus());
                            } else if (failure instanceof StaleRecordException stale) {
                                vm.fetchConflict(stale, this::resolveConflict, dialogs::showError);
                            } else {
                                dialogs.showError(failure);
                            }
                        })
                .ifPresent(f -> {
                    done.accept(false);
                    controls.get(f).requestFocus();
                });
    }

    /** Their values beside this form's; the chosen merge is saved at once, going back leaves the form as it was. */
    private void resolveConflict(ResidentEditorViewModel.Conflict conflict) {
        Optional<Set<String>> takeTheirs = conflict.differences().isEmpty()
                ? Optional.of(Set.of()) // both saved the same values: nothing to choose
                : ConflictDialog.ask(
                        dialogs,
                        conflict.savedBy(),
                        conflict.savedAt(),
                        ResidentConflictRows.of(conflict.differences(), vm.groups()));
        takeTheirs.ifPresent(fields -> {
            vm.resolve(conflict, fields);
            trySave(ok -> {});
        });
    }

    private Node form() {
        FormGrid f = new FormGrid();
        f.heading(Messages.t("residents.profile"));
        TextField recordNo = text(RECORD_NO, vm.recordNo);
        recordNo.setPromptText(Messages.t("residents.recordNoHint"));
        f.field(Messages.t("field.recordNo"), false, recordNo, vm.error(RECORD_NO));
        f.field(Messages.t("field.name"), true, text(NAME, vm.name), vm.error(NAME));
        f.field(Messages.t("field.formerName"), false, text(FORMER_NAME, vm.formerName), vm.error(FORMER_NAME));
        ComboBox<Gender> gender = choice(GENDER, vm.gender, Gender.values());
        gender.setConverter(Converters.coded());
        f.field(Messages.t("field.gender"), true, gender, vm.error(GENDER));
        DateField birth = date(BIRTH_DATE, vm.birthDate);
        CheckBox estimated = new CheckBox(Messages.t("field.birthDateEstimated"));
        estimated.setId("birthDateEstimated");
        estimated.selectedProperty().bindBidirectional(vm.birthDateEstimated);
        estimated.setMinWidth(Region.USE_PREF_SIZE);
        f.field(Messages.t("field.birthDate"), true, new HBox(10, birth, estimated), vm.error(BIRTH_DATE));
        ComboBox<String> ethnicity = choice(ETHNICITY, vm.ethnicity, Ethnicity.CODES.toArray(String[]::new));
        ethnicity.setConverter(Converters.of(Ethnicity::label));
        f.field(Messages.t("field.ethnicity"), false, ethnicity, vm.error(ETHNICITY));
        TextField id = text(ID_NUMBER, vm.idNumber);
        id.setPromptText(Messages.t("residents.idNumberHint"));
        HintWidth.fit(id);
        // A masked number (the user may not see it in full) cannot be edited here; saving keeps the stored one.
        id.setEditable(!vm.idNumber.get().contains("*"));
        f.field(Messages.t("field.idNumber"), false, id, vm.error(ID_NUMBER));
        f.field(Messages.t("field.householdRegistration"), false, text(HOUSEHOLD, vm.household), vm.error(HOUSEHOLD));
        f.field(Messages.t("field.photo"), false, photoRow(), null);

        f.heading(Messages.t("residents.admission"));
        ComboBox<Category> category = choice(CATEGORY, vm.category, Category.values());
        category.setConverter(Converters.coded());
        f.field(Messages.t("field.category"), true, category, vm.error(CATEGORY));
        f.field(
                Messages.t("field.admissionDate"),
                true,
                date(ADMISSION_DATE, vm.admissionDate),
                vm.error(ADMISSION_DATE));
        ComboBox<AdmissionSource> source = choice(ADMISSION_SOURCE, vm.admissionSource, AdmissionSource.values());
        source.setConverter(Converters.coded());
        f.field(Messages.t("field.admissionSource"), true, source, vm.error(ADMISSION_SOURCE));
        f.field(
                Messages.t("field.admissionFrom"),
                false,
                text(ADMISSION_FROM, vm.admissionFrom),
                vm.error(ADMISSION_FROM));
        ComboBox<LivingGroup> group = new ComboBox<>(vm.groups());
        group.setId(LIVING_GROUP);
        group.valueProperty().bindBidirectional(vm.livingGroup);
        group.setConverter(Converters.of(LivingGroup::name, Messages.t("residents.noGroup")));
        controls.put(LIVING_GROUP, group);
        f.field(Messages.t("field.livingGroup"), false, group, vm.error(LIVING_GROUP));

        f.heading(Messages.t("residents.care"));
        ComboBox<DisabilityType> disability = choice(DISABILITY_TYPE, vm.disabilityType, DisabilityType.values());
        disability.setConverter(Converters.coded());
        f.field(Messages.t("field.disabilityType"), false, disability, vm.error(DISABILITY_TYPE));
        ComboBox<Integer> grade = choice(DISABILITY_GRADE, vm.disabilityGrade, 1, 2, 3, 4);
        grade.setConverter(Converters.of(g -> Messages.t("residents.grade", g), Messages.t("common.notSet")));
        grade.disableProperty().bind(vm.disabilityType.isEqualTo(DisabilityType.NONE));
        f.field(Messages.t("field.disabilityGrade"), false, grade, vm.error(DISABILITY_GRADE));
        ComboBox<Guardianship> guardianship = choice(GUARDIANSHIP, vm.guardianship, Guardianship.values());
        guardianship.setConverter(Converters.coded());
        f.field(Messages.t("field.guardianship"), true, guardianship, vm.error(GUARDIANSHIP));
        f.field(
                Messages.t("field.guardianshipNote"),
                false,
                text(GUARDIANSHIP_NOTE, vm.guardianshipNote),
                vm.error(GUARDIANSHIP_NOTE));
        TextArea note = new TextArea();
        note.setId(NOTE);
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(vm.note);
        watch(NOTE, note);
        f.field(Messages.t("field.note"), false, note, vm.error(NOTE));

        ScrollPane scroll = new ScrollPane(f);
        scroll.setFitToWidth(true);
        ScrollIntoView.follow(scroll);
        return scroll;
    }

    private Node photoRow() {
        ImageView view = new ImageView();
        view.setFitHeight(72);
        view.setFitWidth(72);
        view.setPreserveRatio(true);
        view.imageProperty().bind(Bindings.createObjectBinding(() -> ResidentPhotos.image(vm.photo.get()), vm.photo));
        Button choose = new Button(Messages.t("residents.choosePhoto"), Icons.PHOTO.icon());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter("JPEG / PNG", "*.jpg", "*.jpeg", "*.png"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                vm.loadPhoto(file.toPath(), dialogs::showError);
            }
        });
        return new HBox(10, view, choose);
    }

    private TextField text(String field, StringProperty value) {
        TextField t = new TextField();
        t.setId(field);
        t.textProperty().bindBidirectional(value);
        watch(field, t);
        return t;
    }

    private DateField date(String field, ObjectProperty<LocalDate> value) {
        DateField d = new DateField();
        d.setId(field);
        d.getEditor().setId(field + "Text");
        d.valueProperty().bindBidirectional(value);
        watch(field, d);
        return d;
    }

    @SafeVarargs
    private <T> ComboBox<T> choice(String field, ObjectProperty<T> value, T... items) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(field);
        c.getItems().addAll(items);
        c.valueProperty().bindBidirectional(value);
        c.setMaxWidth(Double.MAX_VALUE);
        watch(field, c);
        return c;
    }

    /** Checks a field when focus leaves it (the ID number also when birth date or gender change). */
    private void watch(String field, Control control) {
        controls.put(field, control);
        control.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                vm.validateField(field);
                if (control instanceof DateField d && d.unreadableText() != null) {
                    // typed but not a date: said so, not "请填写出生日期" (the ViewModel only sees no date)
                    vm.error(field).set(UnreadableDates.sentence(d));
                }
                if (field.equals(BIRTH_DATE) || field.equals(GENDER)) {
                    if (!vm.idNumber.get().isBlank()) {
                        vm.validateField(ID_NUMBER);
                    }
                }
            }
        });
    }
}
