package org.huyou.documents.ui;

import static org.huyou.common.ui.InlineForms.table;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.huyou.care.TimelineEntry;
import org.huyou.care.ui.EntryDocuments;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.documents.CareEntry;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentService;

/** The documents linked to a care entry, shown from the timeline: a short list, each opening the viewer. */
public final class LinkedDocuments implements EntryDocuments {

    private final DocumentService documents;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    public LinkedDocuments(DocumentService documents, TaskRunner tasks, DialogService dialogs) {
        this.documents = documents;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    @Override
    public Map<String, Integer> counts(long residentId) {
        return documents.linkCounts(residentId);
    }

    @Override
    public void show(TimelineEntry entry) {
        CareEntry kind = CareEntry.ofEntity(entry.entity()).orElse(null);
        if (kind == null) {
            return;
        }
        TableView<Document> list = table("linkedDocuments", 180, "document.none");
        list.getColumns()
                .add(Columns.text(
                        "document.kind",
                        d -> d.kind().label() + InlineForms.voidMark(d.voided(), d.voidReason()),
                        150));
        list.getColumns().add(Columns.text("document.title", Document::title, 220));
        list.getColumns().add(Columns.text("document.paperDate", d -> Dates.format(d.paperDate()), 100));
        TableRows.open(list, this::view);
        Button view = new Button(Messages.t("document.view"), Icons.PREVIEW.icon());
        view.setId("viewLinkedDocument");
        view.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        view.setOnAction(e -> view(list.getSelectionModel().getSelectedItem()));
        Dialog<Void> dialog = dialogs.dialog();
        dialog.setTitle(Messages.t("document.linkedTitle", entry.summary()));
        dialog.getDialogPane().setId("linkedDocumentsDialog");
        dialog.getDialogPane().setContent(new VBox(8, list, view));
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(Messages.t("document.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.show();
        tasks.run(
                () -> documents.linkedTo(kind, entry.id()),
                (List<Document> found) -> {
                    list.getItems().setAll(found);
                    if (!found.isEmpty()) {
                        list.getSelectionModel().selectFirst();
                    }
                },
                dialogs::showError);
    }

    private void view(Document d) {
        if (d != null) {
            new DocumentViewer(documents, tasks, dialogs).show(d);
        }
    }
}
