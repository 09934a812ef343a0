package org.huyou.care.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.huyou.care.medical.MedicalFunding;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.care.medical.MedicalRecordService;
import org.huyou.care.medical.PaymentChoice;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.common.ui.UnsavedChanges;
import org.huyou.common.ui.UnsavedChangesGuard;

/**
 * The cost of the surgery or treatment selected in the medical records table and what each source paid: shown as
 * the record's detail, and entered or corrected in a form whose problems are said beside the field they concern.
 * A share paid from donations names the medical fund's payment in the ledger, picked from the open ones. The View of
 * {@link MedicalFundingViewModel}: the controls, the table's selection, the question before another record replaces
 * unsaved shares, and the focus on a problem.
 */
final class MedicalFundingPane {

    private final MedicalFundingViewModel model;
    private final TableView<MedicalRecord> recordTable;
    private final Map<String, TextField> amounts = new LinkedHashMap<>();
    private final ComboBox<PaymentChoice> payment = new ComboBox<>();
    private final FormGrid form = new FormGrid();
    private final VBox root;
    private final TypedInput typed;

    /** The shares typed and the payment picked, asked about before another record replaces them. */
    private final UnsavedChanges unsaved = new UnsavedChanges() {
        @Override
        public boolean isDirty() {
            return model.isDirty();
        }

        @Override
        public void save(Consumer<Boolean> done) {
            model.save(done);
        }

        @Override
        public void discard() {
            model.discard();
        }
    };

    private final UnsavedChangesGuard guard;

    MedicalFundingPane(
            MedicalRecordService records,
            TaskRunner tasks,
            DialogService dialogs,
            boolean canCreate,
            TableView<MedicalRecord> recordTable,
            Runnable changed) {
        this.model = new MedicalFundingViewModel(records, tasks, dialogs, canCreate, changed);
        this.recordTable = recordTable;
        this.typed = new TypedInput(form, tasks, dialogs);
        this.guard = new UnsavedChangesGuard(dialogs);
        model.watchTyping(typed::isDirty, () -> TypedInput.saved(form));
        Label detail = new Label();
        detail.setId("fundingDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detail);
        Label sum = new Label();
        sum.setId("fundingSum");
        sum.textProperty().bind(model.sum);
        for (String name : MedicalFundingViewModel.AMOUNTS) {
            TextField t = new TextField();
            t.setId("funding_" + name);
            t.setPrefColumnCount(10);
            t.setAlignment(Pos.CENTER_RIGHT);
            t.textProperty().bindBidirectional(model.amounts.get(name));
            amounts.put(name, t);
            form.field(Messages.t("medicalFunding." + name), "cost".equals(name), t, model.errors.get(name));
            if ("donation".equals(name)) {
                payment.setId("fundingPayment");
                payment.setMaxWidth(Double.MAX_VALUE);
                payment.setConverter(Converters.of(
                        p -> Messages.t(
                                "medicalFunding.paymentChoice",
                                p.seq(),
                                Dates.format(p.date()),
                                Money.format(p.amount()),
                                InlineForms.nz(p.payee())),
                        Messages.t("medicalFunding.noPayment")));
                payment.setItems(model.payments());
                payment.valueProperty().bindBidirectional(model.payment);
                form.field(Messages.t("medicalFunding.ledgerSeq"), false, payment, model.errors.get("ledgerSeq"));
            }
        }
        Button save = new Button(Messages.t("medicalFunding.save"));
        save.setId("saveFunding");
        save.setOnAction(e -> model.save(ok -> {}));
        form.add(new HBox(12, save, sum), 1, MedicalFundingViewModel.AMOUNTS.size() + 1);
        TypedInput.savedBy(form, save);
        form.setVisible(canCreate);
        form.setManaged(canCreate);
        root = new VBox(4, InlineForms.heading("medicalFunding.title"), detail, form);
        root.setId("fundingPane");
        root.visibleProperty().bind(model.visible);
        root.managedProperty().bind(model.visible);
        // the focus goes to the first problem of a refused save
        model.problemField.addListener((o, was, field) -> {
            if (field != null) {
                ("ledgerSeq".equals(field) ? payment : amounts.get(field)).requestFocus();
            }
        });
        recordTable.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> selected(r));
        model.show(null);
    }

    Node node() {
        return root;
    }

    /** The resident's fundings, after the records table was filled: the record shown before stays shown. */
    void fill(Map<Long, MedicalFunding> byRecord) {
        model.fundings(byRecord);
        Long keep = model.shownId();
        if (keep != null) {
            recordTable.getItems().stream()
                    .filter(r -> r.id() == keep)
                    .findFirst()
                    .ifPresent(r -> recordTable.getSelectionModel().select(r));
        }
        model.show(recordTable.getSelectionModel().getSelectedItem());
    }

    void clear() {
        model.clear();
    }

    /**
     * Another record chosen while shares typed for the shown one are unsaved: asked first (保存 saves them to the
     * record they were typed for). Asked once the table has finished its click, as the resident list does.
     */
    private void selected(MedicalRecord r) {
        Long shown = model.shownId();
        if (r == null || shown == null || r.id() == shown || !unsaved.isDirty()) {
            model.show(r);
            return;
        }
        long chosen = r.id();
        long typedFor = shown;
        Platform.runLater(() -> {
            MedicalRecord now = recordTable.getSelectionModel().getSelectedItem();
            if (now != null && now.id() == chosen) { // not a reload that went back to the shown record meanwhile
                guard.leave(unsaved, () -> select(chosen), () -> select(typedFor));
            }
        });
    }

    /** Selects the record with this id as the table now has it (a save reloads the table); shows it either way. */
    private void select(long id) {
        MedicalRecord r = recordTable.getItems().stream()
                .filter(x -> x.id() == id)
                .findFirst()
                .orElse(null);
        if (r == null || r == recordTable.getSelectionModel().getSelectedItem()) {
            model.show(r == null ? recordTable.getSelectionModel().getSelectedItem() : r);
        } else {
            recordTable.getSelectionModel().select(r);
        }
    }
}
