package org.huyou.care.ui;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.care.daily.CaregiverAssignment;
import org.huyou.care.daily.CaregiverService;
import org.huyou.common.ui.FormDefaults;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.GroupMembership;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The upbringing tab's state and commands: the caregiver assignments and the living groups the child has lived in,
 * and a caregiver assigned from a day (today unless changed; the name cleared once assigned).
 */
final class UpbringingViewModel extends FilePartViewModel<UpbringingViewModel.Loaded> {

    /** What the tab shows for one resident. */
    record Loaded(List<CaregiverAssignment> assignments, List<GroupMembership> groups) {}

    private final CaregiverService caregivers;
    private final ResidentService residents;
    private final ObservableList<CaregiverAssignment> assignments = FXCollections.observableArrayList();
    private final ObservableList<GroupMembership> groups = FXCollections.observableArrayList();

    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final FormDefaults assignForm;

    UpbringingViewModel(CaregiverService caregivers, ResidentService residents, TaskRunner tasks, Notices notices) {
        super(tasks, notices);
        this.caregivers = caregivers;
        this.residents = residents;
        assignForm = form(name).with(from, residents::today);
    }

    @Override
    protected Loaded load(long id) {
        return new Loaded(caregivers.history(id), residents.groupHistory(id));
    }

    @Override
    protected void fill(Loaded data) {
        assignments.setAll(data.assignments());
        groups.setAll(data.groups());
    }

    @Override
    protected void clear() {
        assignments.clear();
        groups.clear();
    }

    /** The caregiver named, from the day chosen; once assigned the name is cleared and the tab reloads. */
    void assign() {
        Long id = residentId();
        if (id == null) {
            return;
        }
        String caregiver = name.get();
        LocalDate on = from.get();
        FormDefaults.Taken typed = assignForm.taken();
        tasks.run(
                () -> {
                    caregivers.assign(id, caregiver, on, null);
                    return true;
                },
                ok -> {
                    assignForm.resetUnchanged(typed);
                    reload();
                },
                notices::showError);
    }

    void voidAssignment(CaregiverAssignment a, String reason) {
        caregivers.voidAssignment(a.id(), reason);
    }

    ObservableList<CaregiverAssignment> assignments() {
        return assignments;
    }

    ObservableList<GroupMembership> groups() {
        return groups;
    }
}
