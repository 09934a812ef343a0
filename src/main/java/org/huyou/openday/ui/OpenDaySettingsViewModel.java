package org.huyou.openday.ui;

import java.time.DayOfWeek;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.openday.OpenDayRule;
import org.huyou.openday.OpenDayService;

/**
 * The open day's rule as text to edit: which weekday of which week, the slots, places per slot, days off and extra
 * days, the booking cut-off and how long visitors' personal data is kept; saved together, checked by the service.
 */
public final class OpenDaySettingsViewModel {

    /** The field ids a refused number names (the View gives its fields the same ids). */
    static final String CAPACITY = "ruleCapacity";

    static final String CUTOFF = "ruleCutoff";
    static final String RETENTION = "ruleRetention";

    private final OpenDayService openDay;
    private final TaskRunner tasks;
    private final Notices notices;

    final ObjectProperty<Integer> week = new SimpleObjectProperty<>();
    final ObjectProperty<DayOfWeek> day = new SimpleObjectProperty<>();
    final StringProperty slots = new SimpleStringProperty("");
    final StringProperty capacity = new SimpleStringProperty("");
    final StringProperty blackouts = new SimpleStringProperty("");
    final StringProperty extras = new SimpleStringProperty("");
    final StringProperty cutoff = new SimpleStringProperty("");
    final StringProperty retention = new SimpleStringProperty("");

    public OpenDaySettingsViewModel(OpenDayService openDay, TaskRunner tasks, Notices notices) {
        this.openDay = openDay;
        this.tasks = tasks;
        this.notices = notices;
    }

    private record Loaded(OpenDayRule rule, OpenDayService.Limits limits) {}

    public void load() {
        tasks.run(
                () -> new Loaded(openDay.rule(), openDay.limits()),
                l -> show(l.rule(), l.limits()),
                notices::showError);
    }

    private void show(OpenDayRule rule, OpenDayService.Limits limits) {
        week.set(rule.weekOfMonth());
        day.set(rule.dayOfWeek());
        slots.set(rule.slots().stream().map(OpenDayRule.Slot::toString).collect(Collectors.joining(", ")));
        capacity.set(String.valueOf(rule.capacityPerSlot()));
        blackouts.set(rule.blackouts().stream().sorted().map(Object::toString).collect(Collectors.joining(", ")));
        extras.set(rule.extras().stream().sorted().map(Object::toString).collect(Collectors.joining(", ")));
        cutoff.set(String.valueOf(limits.cutoffDays()));
        retention.set(String.valueOf(limits.retentionDays()));
    }

    /** Saves the rule and its limits; {@code saved} runs once they are (the sessions change with the rule). */
    public void save(Runnable saved) {
        int w = week.get() == null ? -1 : week.get();
        DayOfWeek d = day.get();
        String s = slots.get();
        int c;
        OpenDayService.Limits limits;
        try {
            c = InlineForms.whole(CAPACITY, Messages.t("openday.capacity"), capacity.get());
            limits = new OpenDayService.Limits(
                    InlineForms.whole(CUTOFF, Messages.t("openday.cutoffDays"), cutoff.get()),
                    InlineForms.whole(RETENTION, Messages.t("openday.retentionDays"), retention.get()));
        } catch (ValidationException bad) {
            notices.showError(bad); // letters in a number: said by name, the text kept
            return;
        }
        String b = blackouts.get();
        String x = extras.get();
        tasks.run(
                () -> {
                    OpenDayRule rule = openDay.ruleFromText(w, d, s, c, b, x);
                    openDay.save(rule, limits);
                    return rule;
                },
                rule -> {
                    notices.notifySuccess(Messages.t("openday.ruleSaved"));
                    saved.run();
                },
                notices::showError);
    }
}
