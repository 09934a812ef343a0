package org.huyou.care.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FormKeys;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.security.Accounts;

/**
 * The resident's timeline across every part the viewer may see, newest first, a page at a time: the View of
 * {@link TimelineViewModel}.
 */
public final class TimelinePart implements ResidentFilePart {

    private final TimelineViewModel model;
    private final ListView<TimelineEntry> list = new ListView<>();
    private final EntryDocuments documents;
    private final ComboBox<CareDomain> domain = new ComboBox<>();
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final Button more = new Button(Messages.t("timeline.more"));
    private final VBox root;

    public TimelinePart(TimelineService timeline, TaskRunner tasks, DialogService dialogs) {
        this(timeline, tasks, dialogs, null);
    }

    /** With {@code documents} (null: the user does not read documents), entries show their linked documents. */
    public TimelinePart(TimelineService timeline, TaskRunner tasks, DialogService dialogs, EntryDocuments documents) {
        this.model = new TimelineViewModel(timeline, documents, tasks, dialogs);
        this.documents = documents;
        list.setId("timelineList");
        list.setItems(model.entries());
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("voided-row");
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                int linked = model.linked(e);
                setText(Dates.format(e.date()) + "   [" + e.domain().label() + "]   " + e.summary()
                        + (e.recordedBy() == null ? "" : "   — " + Accounts.displayName(e.recordedBy()))
                        + (e.voided()
                                ? "   " + Messages.t("timeline.voided", e.voidReason() == null ? "" : e.voidReason())
                                : "")
                        + (linked == 0 ? "" : "   " + Messages.t("timeline.documents", linked)));
                if (e.voided()) {
                    getStyleClass().add("voided-row");
                }
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(model.emptyTextProperty());
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        // A double click (or Enter) on an entry with documents shows them, each opening the viewer.
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showDocuments(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                showDocuments(list.getSelectionModel().getSelectedItem());
            }
        });
        domain.setItems(model.domains());
        domain.setConverter(Converters.codedOrAll());
        domain.valueProperty().bindBidirectional(model.domain);
        from.setPromptText(Messages.t("audit.from"));
        to.setPromptText(Messages.t("audit.to"));
        from.valueProperty().bindBidirectional(model.from);
        to.valueProperty().bindBidirectional(model.to);
        Button apply = new Button(Messages.t("audit.search"));
        apply.setOnAction(e -> {
            commitDates();
            model.search();
        });
        more.setOnAction(e -> {
            commitDates();
            model.loadMore();
        });
        more.visibleProperty().bind(model.moreProperty());
        domain.setPrefWidth(130);
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        apply.setId("timelineSearch");
        from.setId("timelineFrom");
        to.setId("timelineTo");
        FormKeys.searchOnEnter(apply, from, to); // Enter in a date searches, as 查询 does
        Node filters = InlineForms.row(true, domain, from, to, apply);
        root = new VBox(8, filters, list, more);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        model.loadDomains();
    }

    @Override
    public String title() {
        return Messages.t("timeline.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Long id) {
        if (model.isAnother(id)) {
            from.clear(); // text typed that is not a date goes with the rest of the last child's filter
            to.clear();
        } else {
            commitDates();
        }
        model.show(id);
    }

    private void commitDates() {
        from.commitText();
        to.commitText();
    }

    /** Shows the documents linked to the entry, if it has any. */
    void showDocuments(TimelineEntry e) {
        if (e != null && documents != null && model.linked(e) > 0) {
            documents.show(e);
        }
    }
}
