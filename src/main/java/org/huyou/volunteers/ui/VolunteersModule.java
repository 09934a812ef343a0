package org.huyou.volunteers.ui;

import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.ModuleView;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.VolunteerService;
import org.huyou.volunteers.io.VolunteerImporter;

/**
 * The volunteer coordinator's screens: volunteers with their checks and trainings, the month's shifts with sign-up by
 * specialty and attendance, service hours with certificates, and the trainings each kind of activity requires.
 */
public final class VolunteersModule implements ModuleView {

    private final TabPane tabs = new TabPane();
    private final VolunteerTab people;
    private final ShiftsTab shifts;
    private final HoursTab hours;

    /** {@code parts}: the shell's, with the folder the certificates and rosters are printed to. */
    public VolunteersModule(
            VolunteerService volunteers,
            VolunteerImporter importer,
            ShiftService shiftService,
            ScreenParts parts,
            DialogService dialogs,
            CurrentUser user) {
        boolean edit = user.can(AppModule.VOLUNTEERS, Action.EDIT);
        people = new VolunteerTab(
                new VolunteersViewModel(volunteers, shiftService, parts), importer, parts.tasks(), dialogs, user);
        shifts = new ShiftsTab(new ShiftsViewModel(shiftService, parts), dialogs, edit);
        hours = new HoursTab(new HoursViewModel(shiftService, parts.tasks(), dialogs, LocalDate.now(parts.clock())));
        tabs.setId("volunteerTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(new Tab(Messages.t("volunteer.tab.people"), people.node()));
        if (!VolunteerTab.lookUpOnly(user)) { // the front desk's look-up needs no shifts, hours or course rules
            tabs.getTabs().add(new Tab(Messages.t("volunteer.tab.shifts"), shifts.node()));
            tabs.getTabs().add(new Tab(Messages.t("volunteer.tab.hours"), hours.node()));
            tabs.getTabs()
                    .add(new Tab(
                            Messages.t("volunteer.tab.trainings"),
                            new TrainingRulesTab(new TrainingRulesViewModel(volunteers, parts.tasks(), dialogs), edit)
                                    .node()));
        }
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refresh());
    }

    @Override
    public void refresh() {
        switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 0 -> people.refresh();
            case 1 -> shifts.refresh();
            case 2 -> hours.refresh();
            default -> {}
        }
    }

    @Override
    public void newRecord() {
        tabs.getSelectionModel().select(0);
        people.focusRegistration();
    }

    @Override
    public void focusSearch() {
        tabs.getSelectionModel().select(0);
        people.focusSearch();
    }

    @Override
    public Node node() {
        return tabs;
    }
}
