package org.huyou.care.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.daily.DailyCareChoices.Hygiene;
import org.huyou.care.daily.DailyCareChoices.Meals;
import org.huyou.care.daily.DailyCareChoices.Mood;
import org.huyou.care.daily.DailyCareChoices.Shift;
import org.huyou.care.daily.DailyCareChoices.Sleep;
import org.huyou.care.daily.DailyCareService;
import org.huyou.care.daily.DailyLogEntry;
import org.huyou.care.daily.ShiftSavedMeanwhileException;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentSummary;
import org.huyou.security.Accounts;

/**
 * One shift's daily log for a whole living group: the group, day and shift chosen, every child's row (from what was
 * recorded, or from "normal"), which rows changed, and the save with its answer to another PC's save meanwhile.
 */
public final class DailyShiftViewModel {

    /** What the user chose when another PC saved some of the same rows meanwhile. */
    enum Meanwhile {
        /** Save what was typed here; theirs is kept as the corrected version. */
        SAVE_MINE,
        /** Those rows show what they saved; the others keep what was typed. */
        SHOW_THEIRS,
        /** Back to the form as it is. */
        BACK
    }

    private final ResidentService residents;
    private final DailyCareService daily;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<LivingGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty savedLine = new SimpleStringProperty("");
    /** The group, day and shift the rows were loaded for. */
    private Shown shown;

    private int loads;

    final ObjectProperty<LivingGroup> group = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final ObjectProperty<Shift> shift = new SimpleObjectProperty<>();

    private record Shown(LivingGroup group, LocalDate date, Shift shift) {}

    /** One child's editable row. */
    static final class Row {
        final long residentId;
        final String name;
        final ObjectProperty<Meals> meals = new SimpleObjectProperty<>(Meals.ALL);
        final ObjectProperty<Sleep> sleep = new SimpleObjectProperty<>(Sleep.GOOD);
        final ObjectProperty<Hygiene> hygiene = new SimpleObjectProperty<>(Hygiene.DONE);
        final ObjectProperty<Mood> mood = new SimpleObjectProperty<>(Mood.CALM);
        final StringProperty events = new SimpleStringProperty("");
        final StringProperty note = new SimpleStringProperty("");
        /** Who saved this child's entry and when; null while the row shows the untouched defaults. */
        final DailyCareService.SavedStamp saved;
        /** The saved entry the row shows (null: the defaults), so a save can tell what was saved since. */
        private final Long loadedId;

        private final DailyLogEntry loaded;

        Row(long residentId, String name, DailyLogEntry existing, DailyCareService.SavedStamp saved) {
            this.residentId = residentId;
            this.name = name;
            this.saved = existing == null ? null : saved;
            this.loadedId = existing == null ? null : existing.id();
            reset(existing);
            loaded = toEntry();
        }

        /** Back to what was loaded: the saved entry, or the defaults. */
        void discard() {
            meals.set(loaded.meals());
            sleep.set(loaded.sleep());
            hygiene.set(loaded.hygiene());
            mood.set(loaded.mood());
            events.set(loaded.events());
            note.set(loaded.note());
        }

        /** Whether the caregiver changed anything since the row was loaded (blank and empty count as the same). */
        boolean changed() {
            DailyLogEntry now = toEntry();
            return now.meals() != loaded.meals()
                    || now.sleep() != loaded.sleep()
                    || now.hygiene() != loaded.hygiene()
                    || now.mood() != loaded.mood()
                    || !nz(now.events()).strip().equals(nz(loaded.events()).strip())
                    || !nz(now.note()).strip().equals(nz(loaded.note()).strip());
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private void reset(DailyLogEntry existing) {
            if (existing != null) {
                meals.set(existing.meals());
                sleep.set(existing.sleep());
                hygiene.set(existing.hygiene());
                mood.set(existing.mood());
                events.set(existing.events() == null ? "" : existing.events());
                note.set(existing.note() == null ? "" : existing.note());
            }
        }

        DailyLogEntry toEntry() {
            return new DailyLogEntry(
                    loadedId,
                    residentId,
                    null,
                    null,
                    meals.get(),
                    sleep.get(),
                    hygiene.get(),
                    mood.get(),
                    events.get(),
                    note.get(),
                    null,
                    false);
        }

        /** The row's 保存状态: who saved it and at what time, or that it shows the defaults. */
        String state() {
            return saved == null
                    ? Messages.t("daily.rowDefault")
                    : Messages.t(
                            "daily.rowSaved",
                            Accounts.displayName(saved.by()),
                            saved.at().toLocalTime().withSecond(0).withNano(0));
        }
    }

    /** Opens on {@code today} and the shift of {@code now}. */
    public DailyShiftViewModel(
            ResidentService residents,
            DailyCareService daily,
            TaskRunner tasks,
            Notices notices,
            LocalDate today,
            LocalTime now) {
        this.residents = residents;
        this.daily = daily;
        this.tasks = tasks;
        this.notices = notices;
        date.set(today);
        shift.set(currentShift(now));
    }

    static Shift currentShift(LocalTime now) {
        if (now.isBefore(LocalTime.of(7, 0))) {
            return Shift.NIGHT;
        }
        return now.isBefore(LocalTime.of(15, 0))
                ? Shift.DAY
                : now.isBefore(LocalTime.of(22, 0)) ? Shift.EVENING : Shift.NIGHT;
    }

    /**
     * The living groups; {@code openOn} is handed the one this user worked on last ({@code last}, null: none yet),
     * to be chosen without the question a switch asks (nothing can be unsaved yet) and loaded.
     */
    void loadGroups(Long last, Consumer<LivingGroup> openOn) {
        tasks.run(
                residents::livingGroups,
                found -> {
                    groups.setAll(found);
                    found.stream()
                            .filter(g -> last != null && g.id() == last)
                            .findFirst()
                            .ifPresent(openOn);
                },
                notices::showError);
    }

    /** The rows of the group, day and shift chosen; the latest choice wins over a slower earlier load. */
    void load() {
        LivingGroup g = group.get();
        int ticket = ++loads;
        LocalDate d = date.get();
        Shift s = shift.get();
        if (g == null || d == null || s == null) {
            shown = null;
            rows.clear();
            savedLine.set("");
            return;
        }
        tasks.run(
                () -> {
                    List<ResidentSummary> children = residents.search(
                            new ResidentFilter(null, ResidentStatus.IN_CARE, null, g.id(), null, null), 500);
                    List<Long> ids = children.stream().map(ResidentSummary::id).toList();
                    Map<Long, DailyLogEntry> existing = daily.forShift(ids, d, s);
                    Map<Long, DailyCareService.SavedStamp> stamps = daily.savedStamps(ids, d, s);
                    return children.stream()
                            .map(c -> new Row(c.id(), c.name(), existing.get(c.id()), stamps.get(c.id())))
                            .toList();
                },
                loaded -> {
                    if (ticket == loads) {
                        shown = new Shown(g, d, s);
                        rows.setAll(loaded);
                        showSaved();
                    }
                },
                notices::showError);
    }

    /** "已保存：张护理员 2026-12-03 08:15", or that the rows are untouched defaults. */
    private void showSaved() {
        rows.stream()
                .map(r -> r.saved)
                .filter(Objects::nonNull)
                .max(Comparator.comparing(DailyCareService.SavedStamp::at))
                .ifPresentOrElse(
                        last -> savedLine.set(Messages.t(
                                "daily.lastSaved",
                                Accounts.displayName(last.by()),
                                Dates.format(last.at().toLocalDate()) + " "
                                        + last.at().toLocalTime().withSecond(0).withNano(0))),
                        () -> savedLine.set(rows.isEmpty() ? "" : Messages.t("daily.notSaved")));
    }

    boolean isDirty() {
        return rows.stream().anyMatch(Row::changed);
    }

    void discard() {
        rows.forEach(Row::discard);
    }

    /**
     * Saves the rows shown, for the group, day and shift they were loaded for (the choices may show the next).
     * {@code reload}: show the saved rows afterwards. A save asked for on the way out does not: what follows (another
     * group, another module, the login screen) replaces the rows anyway, and after a logout nobody may read them.
     * {@code meanwhile} is asked, with the names of the children concerned, when another PC saved some of these rows
     * after they were shown here: nothing is replaced unseen.
     */
    void save(
            boolean reload,
            Consumer<Boolean> done,
            BiFunction<ShiftSavedMeanwhileException, String, Meanwhile> meanwhile) {
        save(reload, done, meanwhile, Map.of());
    }

    /** {@code seenTheirs}: children whose entries someone else saved meanwhile, and the user chose to correct. */
    private void save(
            boolean reload,
            Consumer<Boolean> done,
            BiFunction<ShiftSavedMeanwhileException, String, Meanwhile> meanwhile,
            Map<Long, Long> seenTheirs) {
        Shown key = shown;
        if (key == null) {
            done.accept(false);
            return;
        }
        List<DailyLogEntry> entries = rows.stream()
                .map(Row::toEntry)
                .map(e -> seenTheirs.containsKey(e.residentId()) ? withId(e, seenTheirs.get(e.residentId())) : e)
                .toList();
        tasks.run(
                () -> daily.recordShift(key.date(), key.shift(), entries),
                n -> {
                    notices.notifySuccess(Messages.t("daily.saved", n));
                    if (reload) {
                        load();
                    }
                    done.accept(true);
                },
                failure -> {
                    if (failure instanceof ShiftSavedMeanwhileException other && key.equals(shown)) {
                        String names = rows.stream()
                                .filter(r -> other.current().containsKey(r.residentId))
                                .map(r -> r.name)
                                .collect(Collectors.joining("、"));
                        Meanwhile chosen = meanwhile.apply(other, names);
                        if (chosen == Meanwhile.SAVE_MINE) {
                            save(reload, done, meanwhile, other.current());
                            return;
                        }
                        if (chosen == Meanwhile.SHOW_THEIRS) {
                            showTheirs(other.current().keySet());
                        }
                        done.accept(false);
                        return;
                    }
                    notices.showError(failure);
                    done.accept(false);
                });
    }

    private static DailyLogEntry withId(DailyLogEntry e, long id) {
        return new DailyLogEntry(
                id,
                e.residentId(),
                e.date(),
                e.shift(),
                e.meals(),
                e.sleep(),
                e.hygiene(),
                e.mood(),
                e.events(),
                e.note(),
                e.recordedBy(),
                e.voided());
    }

    private record SavedRows(Map<Long, DailyLogEntry> entries, Map<Long, DailyCareService.SavedStamp> stamps) {}

    /** The rows of these children as saved now; every other row keeps what was typed. */
    private void showTheirs(Set<Long> children) {
        Shown key = shown;
        List<Long> ids = List.copyOf(children);
        tasks.run(
                () -> new SavedRows(
                        daily.forShift(ids, key.date(), key.shift()), daily.savedStamps(ids, key.date(), key.shift())),
                saved -> {
                    if (!key.equals(shown)) {
                        return;
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        Row r = rows.get(i);
                        if (children.contains(r.residentId)) {
                            rows.set(
                                    i,
                                    new Row(
                                            r.residentId,
                                            r.name,
                                            saved.entries().get(r.residentId),
                                            saved.stamps().get(r.residentId)));
                        }
                    }
                    showSaved();
                },
                notices::showError);
    }

    ObservableList<LivingGroup> groups() {
        return groups;
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** Who saved the shift last and when, or that the rows are still defaults. */
    ReadOnlyStringProperty savedLineProperty() {
        return savedLine;
    }
}
