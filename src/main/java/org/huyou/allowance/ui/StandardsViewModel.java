package org.huyou.allowance.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.allowance.AllowanceCategory;
import org.huyou.allowance.AllowanceService;
import org.huyou.allowance.StandardEntry;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * The allowance standards: the region whose standards apply to the home, every standard with the day it took effect
 * (old ones stay: they still price the months they covered), a new one added each year, a wrong one voided.
 */
public final class StandardsViewModel {

    /** The field id a refused amount names (the View's field has it). */
    static final String AMOUNT = "standardAmount";

    private final AllowanceService allowance;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObservableList<StandardEntry> standards = FXCollections.observableArrayList();
    private final StringProperty current = new SimpleStringProperty("");

    /** The home's region as typed or chosen. */
    final StringProperty region = new SimpleStringProperty("");

    final ObjectProperty<AllowanceCategory> category = new SimpleObjectProperty<>(AllowanceCategory.INSTITUTION_ORPHAN);
    final StringProperty standardRegion = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final StringProperty amount = new SimpleStringProperty("");
    final StringProperty source = new SimpleStringProperty("");

    public StandardsViewModel(AllowanceService allowance, TaskRunner tasks, Notices notices) {
        this.allowance = allowance;
        this.tasks = tasks;
        this.notices = notices;
    }

    private record Loaded(String region, List<String> regions, List<StandardEntry> standards) {}

    public void refresh() {
        tasks.run(
                () -> new Loaded(allowance.region(), allowance.regions(), allowance.standards(true)),
                l -> {
                    regions.setAll(l.regions());
                    region.set(l.region());
                    current.set(
                            l.region().isBlank()
                                    ? Messages.t("allowance.noRegion")
                                    : Messages.t("allowance.currentRegion", l.region()));
                    standards.setAll(l.standards());
                    if (standardRegion.get() == null || standardRegion.get().isBlank()) {
                        standardRegion.set(l.region()); // next year's standard is usually for the home's own region
                    }
                },
                notices::showError);
    }

    public void saveRegion() {
        String r = region.get();
        tasks.run(
                () -> {
                    allowance.setRegion(r);
                    return true;
                },
                ok -> refresh(),
                notices::showError);
    }

    /** Adds the standard the form holds; the amount and source are cleared (the category, region and day stay). */
    public void addStandard() {
        BigDecimal monthly;
        try {
            monthly = InlineForms.amount(AMOUNT, Messages.t("allowance.monthly"), amount.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // said by name, the text kept
            return;
        }
        AllowanceCategory c = category.get();
        String r = standardRegion.get();
        LocalDate f = from.get();
        String s = source.get();
        tasks.run(
                () -> allowance.addStandard(c, r, f, monthly, s),
                added -> {
                    amount.set("");
                    source.set("");
                    refresh();
                },
                notices::showError);
    }

    /** Voids a standard entered wrongly, for the reason the user gave (run in the background by the View's button). */
    public void voidStandard(StandardEntry s, String reason) {
        allowance.voidStandard(s.id(), reason);
    }

    public ObservableList<String> regions() {
        return regions;
    }

    public ObservableList<StandardEntry> standards() {
        return standards;
    }

    /** Which region applies, in a sentence. */
    public ReadOnlyStringProperty currentProperty() {
        return current;
    }
}
