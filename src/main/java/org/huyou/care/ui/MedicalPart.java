package org.huyou.care.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.Allergy;
import org.huyou.care.medical.AllergyService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/** Medical records of the resident; this part holds the allergies (more medical records follow). */
public final class MedicalPart implements ResidentFilePart {

    private final AllergyService allergies;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TableView<Allergy> table = new TableView<>();
    private final VBox root;
    private Long residentId;
    private Runnable onChanged = () -> { };

    public MedicalPart(AllergyService allergies, TaskRunner tasks, DialogService dialogs, CurrentUser user) {
        this.allergies = allergies;
        this.tasks = tasks;
        this.dialogs = dialogs;
        table.setId("allergyTable");
        table.setPlaceholder(new Label(Messages.t("allergy.none")));
        table.getColumns().add(Columns.text("allergy.substance", Allergy::substance, 140));
        table.getColumns().add(Columns.text("allergy.severity", a -> a.severity().label(), 80));
        table.getColumns().add(Columns.text("allergy.reaction", a -> a.reaction() == null ? "" : a.reaction(), 200));
        table.getColumns().add(Columns.text("allergy.notedOn", a -> Dates.format(a.notedOn()), 100));
        table.getColumns().add(Columns.text("residents.col.by", Allergy::recordedBy, 90));
        TextField substance = new TextField();
        substance.setId("allergySubstance");
        substance.setPromptText(Messages.t("allergy.substance"));
        TextField reaction = new TextField();
        reaction.setPromptText(Messages.t("allergy.reaction"));
        ComboBox<Allergy.Severity> severity = new ComboBox<>();
        severity.setId("allergySeverity");
        severity.getItems().addAll(Allergy.Severity.values());
        severity.setConverter(Converters.coded());
        severity.setValue(Allergy.Severity.MODERATE);
        Button add = new Button(Messages.t("allergy.add"));
        add.setId("addAllergy");
        add.setOnAction(e -> {
            long id = residentId;
            tasks.run(() -> allergies.add(id, substance.getText(), reaction.getText(), severity.getValue(), null),
                    a -> {
                        substance.clear();
                        reaction.clear();
                        reload();
                        onChanged.run();
                    }, dialogs::showError);
        });
        Button voidIt = new Button(Messages.t("residents.voidStatus"));
        voidIt.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        voidIt.setVisible(user.can(AppModule.MEDICAL, Action.VOID));
        voidIt.setOnAction(e -> dialogs.askReason(Messages.t("allergy.voidTitle"), Messages.t("allergy.voidText"),
                Messages.t("residents.voidReason"), Messages.t("residents.voidStatus")).ifPresent(reason -> {
                    long allergyId = table.getSelectionModel().getSelectedItem().id();
                    tasks.run(() -> {
                        allergies.voidAllergy(allergyId, reason);
                        return true;
                    }, ok -> {
                        reload();
                        onChanged.run();
                    }, dialogs::showError);
                }));
        HBox form = new HBox(8, substance, reaction, severity, add, voidIt);
        form.setVisible(user.can(AppModule.MEDICAL, Action.CREATE));
        form.setManaged(form.isVisible());
        Label title = new Label(Messages.t("allergy.title"));
        title.getStyleClass().add("form-heading");
        root = new VBox(8, title, form, table);
        root.setPadding(new Insets(8));
    }

    @Override
    public String title() {
        return Messages.t("careDomain.MEDICAL");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void setOnChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    @Override
    public void show(Long id) {
        residentId = id;
        reload();
    }

    private void reload() {
        if (residentId == null) {
            table.getItems().clear();
            return;
        }
        long id = residentId;
        tasks.run(() -> allergies.current(id), list -> {
            if (residentId != null && residentId == id) {
                table.getItems().setAll(list);
            }
        }, dialogs::showError);
    }
}
