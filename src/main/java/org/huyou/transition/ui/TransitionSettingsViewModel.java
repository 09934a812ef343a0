package org.huyou.transition.ui;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.transition.Department;
import org.huyou.transition.Pathway;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionSettings;

/**
 * The task templates of the chosen pathway (added and removed by the social worker) and the money standards with the
 * follow-up months after leaving (the director's), as text to edit.
 */
public final class TransitionSettingsViewModel {

    /** The field ids a refused number names (the View gives its fields the same ids). */
    static final String MONTHS = "templateMonths";

    static final String SUBSIDY = "standardSubsidy";
    static final String GRANT = "standardGrant";
    static final String FOLLOW_UPS = "standardFollowUps";
    /** Follow-up months are separated by commas of either width, an enumeration comma or spaces. */
    private static final String SEPARATORS = "[,，、\\s]+";

    private final TransitionSettings transition;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<Task.Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Task.Template> template = new SimpleObjectProperty<>();

    final ObjectProperty<Pathway> pathway = new SimpleObjectProperty<>(Pathway.values()[0]);
    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<Department> department = new SimpleObjectProperty<>(Department.values()[0]);
    final StringProperty months = new SimpleStringProperty("");
    final StringProperty documents = new SimpleStringProperty("");

    final StringProperty subsidy = new SimpleStringProperty("");
    final StringProperty grant = new SimpleStringProperty("");
    final StringProperty followUps = new SimpleStringProperty("");

    public TransitionSettingsViewModel(TransitionSettings transition, TaskRunner tasks, Notices notices) {
        this.transition = transition;
        this.tasks = tasks;
        this.notices = notices;
        pathway.addListener((o, a, b) -> loadTemplates());
    }

    /** The chosen pathway's templates and the standards. */
    public void load() {
        loadTemplates();
        tasks.run(
                transition::standards,
                s -> {
                    subsidy.set(s.subsidy().toPlainString());
                    grant.set(s.grantPerYear().toPlainString());
                    followUps.set(
                            s.followUpMonths().stream().map(String::valueOf).collect(Collectors.joining(", ")));
                },
                notices::showError);
    }

    private void loadTemplates() {
        Pathway p = pathway.get();
        tasks.run(
                () -> transition.templates(p),
                list -> {
                    templates.setAll(list);
                    template.set(null); // as a table's selection goes with its rows
                },
                notices::showError);
    }

    /** Adds the form's task to the pathway's templates; the form is cleared but for its department. */
    public void addTemplate() {
        Task.Template draft;
        try {
            draft = new Task.Template(
                    0,
                    pathway.get(),
                    title.get(),
                    department.get(),
                    InlineForms.whole(MONTHS, Messages.t("template.monthsBefore"), months.get()),
                    documents.get());
        } catch (ValidationException bad) {
            notices.showError(bad); // letters in a number: said by name, the text kept
            return;
        }
        tasks.run(
                () -> transition.addTemplate(draft),
                t -> {
                    List.of(title, months, documents).forEach(f -> f.set(""));
                    loadTemplates();
                },
                notices::showError);
    }

    public void removeTemplate() {
        long id = template.get().id();
        tasks.run(
                () -> {
                    transition.removeTemplate(id);
                    return true;
                },
                ok -> loadTemplates(),
                notices::showError);
    }

    /** Saves the standards as typed; {@code saved} runs once they are (the fields keep them). */
    public void saveStandards(Runnable saved) {
        TransitionSettings.Standards s;
        try {
            String label = Messages.t("transition.followUpLabel");
            List<Integer> after = Arrays.stream(followUps.get().split(SEPARATORS))
                    .filter(x -> !x.isBlank())
                    .map(x -> InlineForms.whole(FOLLOW_UPS, label, x))
                    .map(x -> x < 0 ? null : x)
                    .collect(Collectors.toList());
            s = new TransitionSettings.Standards(
                    InlineForms.amount(SUBSIDY, Messages.t("transition.subsidyLabel"), subsidy.get()),
                    InlineForms.amount(GRANT, Messages.t("transition.grantLabel"), grant.get()),
                    after);
        } catch (ValidationException bad) {
            notices.showError(bad);
            return;
        }
        tasks.run(
                () -> {
                    transition.setStandards(s);
                    return true;
                },
                ok -> {
                    saved.run();
                    notices.notifySuccess(Messages.t("transition.standardsSaved"));
                },
                notices::showError);
    }

    public ObservableList<Task.Template> templates() {
        return templates;
    }

    public ObjectProperty<Task.Template> templateProperty() {
        return template;
    }
}
