package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.CareDomain;
import org.huyou.care.TimelineCursor;
import org.huyou.care.TimelineEntry;
import org.huyou.care.TimelineService;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The timeline tab's state and commands: the resident's entries across every part the viewer may see, newest first,
 * a page at a time, filtered by part and dates; whether there are more; how many documents each entry links (when the
 * user reads documents). A page that arrives after a new search started is dropped.
 */
final class TimelineViewModel {

    static final int PAGE = 100;

    private final TimelineService timeline;
    private final int pageSize;
    private final EntryDocuments documents;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    /** The filter's choices: null (every part) first, then the parts the viewer may see once they are loaded. */
    private final ObservableList<CareDomain> domains = FXCollections.observableArrayList();

    private final BooleanProperty more = new SimpleBooleanProperty(false);
    private Map<String, Integer> documentCounts = Map.of();
    private Long residentId;
    private TimelineCursor next;
    private long generation;

    final ObjectProperty<CareDomain> domain = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    /** What the empty list says: nothing recorded, nothing within the filter, or a range that ends before it starts. */
    private final StringProperty emptyText = new SimpleStringProperty(Messages.t("timeline.empty"));

    /** With {@code documents} (null: the user does not read documents), entries count their linked documents. */
    TimelineViewModel(TimelineService timeline, EntryDocuments documents, TaskRunner tasks, Notices notices) {
        this(timeline, documents, tasks, notices, PAGE);
    }

    /** With pages of {@code pageSize} entries (a test's small pages). */
    TimelineViewModel(
            TimelineService timeline, EntryDocuments documents, TaskRunner tasks, Notices notices, int pageSize) {
        this.timeline = timeline;
        this.pageSize = pageSize;
        this.documents = documents;
        this.tasks = tasks;
        this.notices = notices;
        domains.add(null);
    }

    /** The parts the viewer may see, for the filter. */
    void loadDomains() {
        tasks.run(timeline::visibleDomains, domains::addAll, notices::showError);
    }

    /**
     * The selected resident changed (null: none). Another resident's timeline starts unfiltered: a part or dates
     * chosen for the last child would hide this one's entries behind a list that looks empty.
     */
    void show(Long id) {
        if (!Objects.equals(id, residentId)) {
            domain.set(null);
            from.set(null);
            to.set(null);
        }
        residentId = id;
        search();
    }

    /** True when {@code id} is not the resident shown (its filter will be cleared). */
    boolean isAnother(Long id) {
        return !Objects.equals(id, residentId);
    }

    /** The first page again, with the filter as it is now; a range that ends before it starts is not searched. */
    void search() {
        entries.clear();
        next = TimelineCursor.START;
        if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
            emptyText.set(Messages.t("timeline.reversedRange", Dates.format(from.get()), Dates.format(to.get())));
            more.set(false);
            return;
        }
        boolean filtered = domain.get() != null || from.get() != null || to.get() != null;
        emptyText.set(Messages.t(filtered ? "timeline.emptyFiltered" : "timeline.empty"));
        loadPage(true);
    }

    /** The next page, after the entries shown. */
    void loadMore() {
        loadPage(false);
    }

    private void loadPage(boolean fresh) {
        if (residentId == null || next == null) {
            more.set(false);
            return;
        }
        long mine = fresh ? ++generation : generation;
        long id = residentId;
        TimelineService.Filter filter = new TimelineService.Filter(
                domain.get() == null ? Set.of() : Set.of(domain.get()), from.get(), to.get());
        TimelineCursor after = next;
        tasks.run(
                () -> new Loaded(
                        timeline.page(id, filter, after, pageSize),
                        documents == null || !fresh ? null : documents.counts(id)),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    if (loaded.counts() != null) {
                        documentCounts = loaded.counts();
                    }
                    entries.addAll(loaded.page().entries());
                    next = loaded.page().next();
                    more.set(next != null);
                },
                notices::showError);
    }

    private record Loaded(TimelineService.Page page, Map<String, Integer> counts) {}

    /** How many documents are linked to the entry (0 for entries no document can be linked to). */
    int linked(TimelineEntry e) {
        return e.key() == null ? 0 : documentCounts.getOrDefault(e.key(), 0);
    }

    ReadOnlyStringProperty emptyTextProperty() {
        return emptyText;
    }

    ObservableList<TimelineEntry> entries() {
        return entries;
    }

    ObservableList<CareDomain> domains() {
        return domains;
    }

    /** True when there is another page after the entries shown. */
    ReadOnlyBooleanProperty moreProperty() {
        return more;
    }
}
