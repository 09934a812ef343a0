package org.huyou.volunteers.ui;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.huyou.common.Messages;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.VolunteerService;

/** The trainings each kind of activity requires, as one line of courses per kind, each line saved on its own. */
public final class TrainingRulesViewModel {

    /** Courses are separated by any comma, enumeration comma or semicolon, Chinese or not. */
    private static final String SEPARATORS = "[,，、;；]";

    private final VolunteerService volunteers;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Map<Activity.Type, StringProperty> courses = new EnumMap<>(Activity.Type.class);

    public TrainingRulesViewModel(VolunteerService volunteers, TaskRunner tasks, Notices notices) {
        this.volunteers = volunteers;
        this.tasks = tasks;
        this.notices = notices;
        for (Activity.Type type : Activity.Type.values()) {
            courses.put(type, new SimpleStringProperty(""));
        }
    }

    public void load() {
        tasks.run(
                volunteers::requiredTrainings,
                m -> courses.forEach((type, line) -> line.set(String.join("，", m.getOrDefault(type, List.of())))),
                notices::showError);
    }

    public void save(Activity.Type type) {
        List<String> list =
                Arrays.stream(courses.get(type).get().split(SEPARATORS)).toList();
        tasks.run(
                () -> {
                    volunteers.setRequiredTrainings(type, list);
                    return true;
                },
                ok -> notices.notifySuccess(Messages.t("training.requirementsSaved", type.label())),
                notices::showError);
    }

    public StringProperty coursesProperty(Activity.Type type) {
        return courses.get(type);
    }
}
