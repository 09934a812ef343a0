package org.huyou.care.ui;

import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.security.Accounts;

/** The resident's timeline across every part the viewer may see, newest first, a page at a time. */
public final class TimelinePart implements ResidentFilePart {

    private static final int PAGE = 100;
    private final TimelineService timeline;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ListView<TimelineEntry> list = new ListView<>();
    private final EntryDocuments documents;
    private java.util.Map<String, Integer> documentCounts = java.util.Map.of();
    private final ComboBox<CareDomain> domain = new ComboBox<>();
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final Button more = new Button(Messages.t("timeline.more"));
    private final VBox root;
    private Long residentId;
    private TimelineCursor next;
    private long generation;

    public TimelinePart(TimelineService timeline, TaskRunner tasks, DialogService dialogs) {
        this(timeline, tasks, dialogs, null);
    }

    /** With {@code documents} (null: the user does not read documents), entries show their linked documents. */
    public TimelinePart(TimelineService timeline, TaskRunner tasks, DialogService dialogs, EntryDocuments documents) {
        this.timeline = timeline;
        this.documents = documents;
        this.tasks = tasks;
        this.dialogs = dialogs;
        list.setId("timelineList");
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("voided-row");
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                setText(Dates.format(e.date()) + "   [" + e.domain().label() + "]   " + e.summary()
                        + (e.recordedBy() == null ? "" : "   — " + Accounts.displayName(e.recordedBy()))
                        + (e.voided()
                                ? "   " + Messages.t("timeline.voided", e.voidReason() == null ? "" : e.voidReason())
                                : "")
                        + (linked(e) == 0 ? "" : "   " + Messages.t("timeline.documents", linked(e))));
                if (e.voided()) {
                    getStyleClass().add("voided-row");
                }
            }
        });
        list.setPlaceholder(new Label(Messages.t("timeline.empty")));
        // A double click (or Enter) on an entry with documents shows them, each opening the viewer.
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showDocuments(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                showDocuments(list.getSelectionModel().getSelectedItem());
            }
        });
        domain.getItems().add(null);
        domain.setConverter(Converters.codedOrAll());
        from.setPromptText(Messages.t("audit.from"));
        to.setPromptText(Messages.t("audit.to"));
        Button apply = new Button(Messages.t("audit.search"));
        apply.setOnAction(e -> reload());
        more.setOnAction(e -> loadPage(false));
        more.setVisible(false);
        domain.setPrefWidth(130);
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        javafx.scene.Node filters = org.huyou.common.ui.InlineForms.row(true, domain, from, to, apply);
        root = new VBox(8, filters, list, more);
        VBox.setVgrow(list, Priority.ALWAYS);
        root.setPadding(new Insets(8));
        tasks.run(timeline::visibleDomains, domain.getItems()::addAll, dialogs::showError);
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
        residentId = id;
        reload();
    }

    private void reload() {
        list.getItems().clear();
        next = TimelineCursor.START;
        loadPage(true);
    }

    private void loadPage(boolean fresh) {
        if (residentId == null || next == null) {
            more.setVisible(false);
            return;
        }
        long mine = fresh ? ++generation : generation;
        long id = residentId;
        from.commitText();
        to.commitText();
        TimelineService.Filter filter = new TimelineService.Filter(
                domain.getValue() == null ? Set.of() : Set.of(domain.getValue()), from.getValue(), to.getValue());
        TimelineCursor after = next;
        tasks.run(
                () -> new Loaded(
                        timeline.page(id, filter, after, PAGE),
                        documents == null || !fresh ? null : documents.counts(id)),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    var page = loaded.page();
                    if (loaded.counts() != null) {
                        documentCounts = loaded.counts();
                    }
                    list.getItems().addAll(page.entries());
                    next = page.next();
                    more.setVisible(next != null);
                },
                dialogs::showError);
    }

    private record Loaded(TimelineService.Page page, java.util.Map<String, Integer> counts) {}

    /** Shows the documents linked to the entry, if it has any. */
    void showDocuments(TimelineEntry e) {
        if (e != null && documents != null && linked(e) > 0) {
            documents.show(e);
        }
    }

    /** How many documents are linked to the entry (0 for entries no document can be linked to). */
    private int linked(TimelineEntry e) {
        return e.key() == null ? 0 : documentCounts.getOrDefault(e.key(), 0);
    }
}
