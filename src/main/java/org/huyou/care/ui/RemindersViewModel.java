package org.huyou.care.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.CareDomain;
import org.huyou.care.Reminder;
import org.huyou.care.ReminderService;
import org.huyou.common.Messages;
import org.huyou.common.OverridableRefusal;
import org.huyou.common.Pinyin;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * What is due for the logged-in user, grouped by kind, narrowed by the filter; what was dealt with from here (a
 * dose given) with its way back (撤销) until the list is loaded again; the counts for the sidebar and the headings.
 * A safety refusal that may be set aside (a dose despite an allergy) is done only with the reason the View asks for.
 */
public final class RemindersViewModel {

    /** How long the notice with 撤销 stays up. */
    static final double UNDO_NOTICE_SECONDS = 8;

    /** One kind's reminders as shown, in the order of its most pressing one. */
    record Group(CareDomain domain, List<Reminder> rows) {}

    private record Done(String label, Runnable undo) {}

    private final ReminderService reminders;
    private final TaskRunner tasks;
    private final Notices notices;
    /**
     * Given how many are due now after the list was loaded or a reminder dealt with: the sidebar's count follows,
     * counted from the list shown rather than loaded a second time.
     */
    private final IntConsumer onCounted;
    /** The list as last loaded, dealt-with rows included. */
    private List<Reminder> shown = List.of();
    /** The rows dealt with since the last load: what was done and how to take it back (null: no way back). */
    private final Map<Reminder, Done> done = new IdentityHashMap<>();

    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private Runnable onDealt = () -> {};

    /** Narrows every group to the rows whose child or task matches (characters, pinyin or its initials). */
    final StringProperty filter = new SimpleStringProperty("");

    public RemindersViewModel(ReminderService reminders, TaskRunner tasks, Notices notices, IntConsumer onCounted) {
        this.reminders = reminders;
        this.tasks = tasks;
        this.notices = notices;
        this.onCounted = onCounted;
        filter.addListener((o, was, is) -> regroup());
    }

    /** Loads the list afresh: what was dealt with before is in it no more (or is due again). */
    void refresh() {
        tasks.run(
                reminders::due,
                list -> {
                    shown = list;
                    done.clear();
                    regroup();
                    counted();
                },
                notices::showError);
    }

    /** The rows the filter lets through grouped by kind, in the order of each kind's first (most pressing) one. */
    private void regroup() {
        String q = filter.get();
        Map<CareDomain, List<Reminder>> byKind = new LinkedHashMap<>();
        shown.stream()
                .filter(r -> matches(r, q))
                .forEach(r -> byKind.computeIfAbsent(r.domain(), d -> new ArrayList<>())
                        .add(r));
        groups.setAll(byKind.entrySet().stream()
                .map(e -> new Group(e.getKey(), e.getValue()))
                .toList());
    }

    /** Whether the filter lets the reminder through: the child's name (or its pinyin) or the task's words. */
    static boolean matches(Reminder r, String query) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty()
                || Pinyin.matches(r.residentName(), q)
                || (r.what() != null && r.what().contains(q))
                || r.domain().label().contains(q);
    }

    /**
     * Deals with the reminder one way ({@code a}: a dose given, refused, missed). A safety refusal this user may set
     * aside (a dose despite an allergy) goes to {@code reason} with its sentence's refusal, and only with the reason
     * it gives is it done, through the action's override. {@code refused} runs when nothing was done.
     */
    void perform(
            Reminder r,
            Reminder.Action a,
            Runnable refused,
            BiFunction<Throwable, OverridableRefusal, Optional<String>> reason) {
        perform(r, a, refused, reason, a.act());
    }

    private void perform(
            Reminder r,
            Reminder.Action a,
            Runnable refused,
            BiFunction<Throwable, OverridableRefusal, Optional<String>> reason,
            Supplier<Runnable> how) {
        tasks.run(
                () -> Optional.ofNullable(how.get()),
                undo -> {
                    done.put(r, new Done(a.label(), undo.orElse(null)));
                    counted();
                    String text = Messages.t("reminders.doneNotice", r.residentName(), a.label());
                    if (undo.isPresent()) {
                        notices.notifyWithAction(
                                text, Messages.t("reminders.undo"), () -> undo(r, () -> {}), UNDO_NOTICE_SECONDS);
                    } else {
                        notices.notifySuccess(text);
                    }
                },
                failure -> {
                    refused.run();
                    if (failure instanceof OverridableRefusal refusal
                            && refusal.mayOverride()
                            && a.withReason() != null) {
                        reason.apply(failure, refusal)
                                .ifPresent(why -> perform(
                                        r,
                                        a,
                                        refused,
                                        reason,
                                        () -> a.withReason().apply(why)));
                    } else {
                        notices.showError(failure);
                    }
                });
    }

    /**
     * Takes back what was done from this row; the row shows its buttons again (the dose is due again).
     * {@code failed} runs when it could not be taken back.
     */
    void undo(Reminder r, Runnable failed) {
        Done d = done.get(r);
        if (d == null || d.undo() == null) {
            return; // already undone (from the notice or the row)
        }
        tasks.run(
                () -> {
                    d.undo().run();
                    return true;
                },
                ok -> {
                    done.remove(r);
                    counted();
                    notices.notifySuccess(Messages.t("reminders.undone", r.residentName()));
                },
                failure -> {
                    failed.run();
                    notices.showError(failure);
                });
    }

    /**
     * Tells the sidebar how many of the rows shown, not yet dealt with here, are due now, and the View to redraw
     * its rows and headings.
     */
    private void counted() {
        List<Reminder> open = shown.stream().filter(r -> !done.containsKey(r)).toList();
        int dueNow = ReminderService.countDueNow(open, reminders.today());
        onCounted.accept(dueNow);
        // what the sidebar's number counts; the View's headings stop counting what was dealt with here
        summary.set(Messages.t("reminders.summary", dueNow, open.size() - dueNow));
        onDealt.run();
    }

    /** A group's heading: its kind, how many are still to do and how many of those are overdue. */
    String title(Group g) {
        List<Reminder> open =
                g.rows().stream().filter(r -> !done.containsKey(r)).toList();
        long overdue = open.stream().filter(Reminder::overdue).count();
        return overdue == 0
                ? Messages.t("reminders.group", g.domain().label(), open.size())
                : Messages.t("reminders.groupOverdue", g.domain().label(), open.size(), overdue);
    }

    /** The row's state: due, overdue, or what was done from here. */
    String state(Reminder r) {
        Done d = done.get(r);
        return d != null
                ? Messages.t("reminders.doneMark", d.label())
                : Messages.t(r.overdue() ? "reminders.overdue" : "reminders.due");
    }

    boolean isDone(Reminder r) {
        return done.containsKey(r);
    }

    /** Whether what was done from this row can be taken back. */
    boolean canUndo(Reminder r) {
        Done d = done.get(r);
        return d != null && d.undo() != null;
    }

    /** What the empty list says: nothing due, or nothing that matches the filter. */
    String noneText() {
        String q = filter.get();
        return Messages.t(q == null || q.isBlank() ? "reminders.none" : "reminders.noneMatch");
    }

    /** Runs after each count (a load, a row dealt with or taken back): the View redraws its rows and headings. */
    void setOnDealt(Runnable onDealt) {
        this.onDealt = onDealt;
    }

    ObservableList<Group> groups() {
        return groups;
    }

    /** How many are due today or overdue (the sidebar's number) and how many come up later. */
    ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
