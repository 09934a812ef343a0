package org.huyou.residents.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.AgeBand;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;

/**
 * The register list: a search box and filters that query as they change, the latest query winning, and the rows
 * with their count. A keystroke fetches the first {@link #PAGE} rows; scrolling to the end fetches the next page
 * ({@link #loadMore()}), so a broad query costs one page, not every match.
 */
public final class ResidentListViewModel {

    /** A screenful and a half: what a keystroke fetches (a broad query's cost grows with the page). */
    public static final int PAGE = 50;

    private final ResidentService service;
    private final TaskRunner tasks;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<ResidentStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObjectProperty<LivingGroup> livingGroup = new SimpleObjectProperty<>();
    private final ObjectProperty<AgeBand> ageBand = new SimpleObjectProperty<>();
    private final ObjectProperty<DisabilityType> disability = new SimpleObjectProperty<>();
    private final ObservableList<ResidentSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<LivingGroup> groups = FXCollections.observableArrayList();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long generation;
    private ResidentFilter shown = ResidentFilter.all();
    private ResidentService.Matches first = new ResidentService.Matches(List.of(), 0, false);
    private boolean more;
    private boolean loadingMore;
    /** How many the register holds in all when the list shown is narrowed; -1 when it is not. */
    private int registerSize = -1;

    private Consumer<Throwable> onError = t -> {};
    /** The first page asked for at the login (null: none, or already taken by the first load). */
    private RegisterHeadStart headStart;

    public ResidentListViewModel(ResidentService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        query.addListener((o, a, b) -> refresh());
        status.addListener((o, a, b) -> refresh());
        category.addListener((o, a, b) -> refresh());
        livingGroup.addListener((o, a, b) -> refresh());
        ageBand.addListener((o, a, b) -> refresh());
        disability.addListener((o, a, b) -> refresh());
    }

    /** The first load takes this page, asked for at the login, if it asks for the same rows. */
    void useHeadStart(RegisterHeadStart early) {
        headStart = early;
    }

    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    public ResidentFilter filter() {
        LivingGroup g = livingGroup.get();
        return new ResidentFilter(
                query.get(), status.get(), category.get(), g == null ? null : g.id(), ageBand.get(), disability.get());
    }

    /** Queries in the background; a result that arrives after a newer query started is dropped. */
    public void refresh() {
        long mine = ++generation;
        ResidentFilter f = filter();
        boolean unfiltered = f.equals(ResidentFilter.query("")) || f.equals(ResidentFilter.all());
        loading.set(true);
        RegisterHeadStart early = f.equals(RegisterHeadStart.firstFilter()) ? headStart : null;
        headStart = null;
        tasks.run(
                // a narrowed list counts the whole register too: "显示 0 人，共 0 人" said nothing of the 37 there are
                () -> new Counted(
                        early != null ? early.take(() -> service.find(f, PAGE)) : service.find(f, PAGE),
                        unfiltered ? -1 : service.countAll()),
                counted -> {
                    ResidentService.Matches page = counted.matches();
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    shown = f;
                    first = page;
                    more = page.rows().size() == PAGE && (page.totalCapped() || page.total() > PAGE);
                    loadingMore = false;
                    rows.setAll(page.rows());
                    total.set(page.total());
                    registerSize = counted.registerSize();
                    updateCountText();
                    placeholder.set(Messages.t(unfiltered ? "residents.empty" : "residents.noMatch"));
                },
                failure -> {
                    if (mine == generation) {
                        loading.set(false);
                        onError.accept(failure);
                    }
                });
    }

    /** The next page of the rows shown, appended (the list calls it when scrolled near its end). */
    public void loadMore() {
        if (!more || loadingMore || rows.isEmpty()) {
            return;
        }
        long mine = generation;
        ResidentFilter f = shown;
        String after = rows.get(rows.size() - 1).recordNo();
        loadingMore = true;
        tasks.run(
                () -> service.findAfter(f, after, PAGE),
                next -> {
                    if (mine != generation) {
                        return;
                    }
                    loadingMore = false;
                    more = next.size() == PAGE;
                    rows.addAll(next);
                    updateCountText();
                },
                failure -> {
                    if (mine == generation) {
                        loadingMore = false;
                        onError.accept(failure);
                    }
                });
    }

    /** A page of matches, and how many the register holds in all when the list is narrowed (else -1). */
    private record Counted(ResidentService.Matches matches, int registerSize) {}

    /**
     * Shown and in all: "共" is the whole register's count, also when a search or filter narrows the list; a narrowed
     * list with more matches than shown names the matches too.
     */
    private void updateCountText() {
        int n = rows.size();
        if (registerSize >= 0) {
            if (first.totalCapped()) {
                countText.set(Messages.t("residents.countFilteredCapped", n, ResidentService.COUNT_CAP, registerSize));
            } else if (first.total() > n) {
                countText.set(Messages.t("residents.countFilteredMore", n, first.total(), registerSize));
            } else {
                countText.set(Messages.t("residents.count", n, Math.max(n, registerSize)));
            }
        } else if (first.totalCapped()) {
            countText.set(Messages.t("residents.countCapped", n, ResidentService.COUNT_CAP));
        } else if (first.total() > n) {
            countText.set(Messages.t("residents.countMore", n, first.total()));
        } else {
            countText.set(Messages.t("residents.count", n, Math.max(n, first.total())));
        }
    }

    /** Reloads the living groups for the filter, then the rows. */
    public void reloadAll() {
        tasks.run(service::livingGroups, groups::setAll, onError);
        refresh();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<ResidentStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObjectProperty<LivingGroup> livingGroupProperty() {
        return livingGroup;
    }

    public ObjectProperty<AgeBand> ageBandProperty() {
        return ageBand;
    }

    public ObjectProperty<DisabilityType> disabilityProperty() {
        return disability;
    }

    public ObservableList<ResidentSummary> rows() {
        return rows;
    }

    public ObservableList<LivingGroup> groups() {
        return groups;
    }

    public int total() {
        return total.get();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** What the empty list says while something long fills the register (the demo home); the next load replaces it. */
    public void showFilling(String sentence) {
        placeholder.set(sentence);
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public LocalDate today() {
        return service.today();
    }
}
