package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ImportDialog;
import org.huyou.common.ui.ImportViewModel;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.TypedInput;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Training;
import org.huyou.volunteers.Volunteer;
import org.huyou.volunteers.VolunteerRepository;
import org.huyou.volunteers.VolunteerService;
import org.huyou.volunteers.io.VolunteerImporter;

/**
 * Volunteers: the checks to renew, the list with each one's check status, registration, and for the selected volunteer
 * their criminal-record inquiries, trainings and a certificate of service hours.
 */
final class VolunteerTab {

    private static final int LIST_LIMIT = 500;

    private final VolunteerService volunteers;
    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final TextField search = InlineForms.searchBox(text("volunteerSearch", "volunteer.search"));
    private final TableView<VolunteerService.Listed> list = table("volunteerTable", 260, "volunteer.none");
    private final TableView<VolunteerRepository.Expiring> renew = table("renewTable", 110, "volunteer.noneToRenew");
    private final TableView<BackgroundCheck> checks = table("checkTable", 110, "volunteer.noChecks");
    private final TableView<Training> trainings = table("trainingTable", 110, "training.none");
    private final TextField name = text("volunteerName", "volunteer.name");
    private final Node root;

    private final VolunteerImporter importer;

    VolunteerTab(VolunteerService volunteers, VolunteerImporter importer, ShiftService shifts, TaskRunner tasks,
                 DialogService dialogs, CurrentUser user, Clock clock, Path printed, Supplier<String> homeName) {
        this.importer = importer;
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        boolean create = user.can(AppModule.VOLUNTEERS, Action.CREATE);
        boolean edit = user.can(AppModule.VOLUNTEERS, Action.EDIT);
        renew.getColumns().add(Columns.text("volunteer.name", e -> e.volunteer().name(), 120));
        renew.getColumns().add(Columns.text("volunteer.phone", e -> e.volunteer().phone(), 120));
        renew.getColumns().add(Columns.text("volunteer.validUntil", e -> e.validUntil().toString(), 110));
        list.getColumns().add(Columns.text("volunteer.name", l -> l.volunteer().name(), 100));
        list.getColumns().add(Columns.text("volunteer.idNumber", l -> l.volunteer().maskedIdNumber(), 185));
        list.getColumns().add(Columns.text("volunteer.phone", l -> l.volunteer().phone(), 110));
        list.getColumns().add(Columns.text("volunteer.organisation", l -> InlineForms.nz(l.volunteer()
                .organisation()), 160));
        list.getColumns().add(Columns.text("volunteer.specialties", l -> specialties(l.volunteer().specialties()),
                160));
        list.getColumns().add(Columns.text("volunteer.checkStatus", this::checkStatus, 250));
        checks.getColumns().add(Columns.text("volunteer.checkedOn", c -> c.checkedOn().toString(), 100));
        checks.getColumns().add(Columns.text("volunteer.checkResult", c -> c.result().label(), 100));
        checks.getColumns().add(Columns.text("volunteer.validUntil", c -> c.validUntil() == null ? ""
                : c.validUntil().toString(), 100));
        checks.getColumns().add(Columns.text("volunteer.reference", c -> InlineForms.nz(c.reference()), 160));
        trainings.getColumns().add(Columns.text("training.course", Training::course, 200));
        trainings.getColumns().add(Columns.text("training.date", t -> t.trainedOn().toString(), 100));
        trainings.getColumns().add(Columns.text("training.hours", t -> t.hours().toPlainString(), 80));
        search.textProperty().addListener((o, a, b) -> refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> loadSelected());
        root = InlineForms.scrolled(heading("volunteer.renewTitle"), renew,
                heading("volunteer.title"), search, list,
                heading("volunteer.register"), registrationForm(create),
                heading("volunteer.checks"), checks, checkForm(edit),
                heading("training.title"), trainings, trainingForm(edit),
                heading("certificate.title"), certificateForm(printed, homeName));
        refresh();
    }

    private String checkStatus(VolunteerService.Listed l) {
        BackgroundCheck c = l.latestCheck();
        LocalDate today = LocalDate.now(clock);
        if (c == null) {
            return Messages.t("volunteer.status.none");
        }
        if (c.clearOn(today)) {
            return Messages.t("volunteer.status.clear", c.validUntil().toString());
        }
        return c.result() == BackgroundCheck.Result.CLEAR ? Messages.t("volunteer.status.expired",
                c.validUntil().toString()) : c.result().label();
    }

    static String specialties(Set<Volunteer.Specialty> s) {
        return Messages.list(s.stream().map(Volunteer.Specialty::label).toList());
    }

    private Node registrationForm(boolean visible) {
        name.setPrefColumnCount(8);
        TextField id = text("volunteerIdNumber", "volunteer.idNumber");
        id.setPrefColumnCount(16);
        TextField phone = text("volunteerPhone", "volunteer.phone");
        TextField org = text("volunteerOrganisation", "volunteer.organisationHint");
        org.setPrefColumnCount(18);
        List<CheckBox> boxes = Arrays.stream(Volunteer.Specialty.values()).map(s -> {
            CheckBox b = new CheckBox(s.label());
            b.setId("specialty" + s.name());
            b.setUserData(s);
            return b;
        }).toList();
        TextField certificates = text("volunteerCertificates", "volunteer.certificates");
        certificates.setPrefColumnCount(18);
        TextField availability = text("volunteerAvailability", "volunteer.availability");
        Button register = new Button(Messages.t("volunteer.registerButton"));
        register.setId("registerVolunteer");
        register.setOnAction(e -> {
            Set<Volunteer.Specialty> chosen = EnumSet.noneOf(Volunteer.Specialty.class);
            boxes.stream().filter(CheckBox::isSelected).forEach(b -> chosen.add((Volunteer.Specialty) b.getUserData()));
            Volunteer draft = new Volunteer(0, name.getText(), id.getText(), phone.getText(), org.getText(), chosen,
                    certificates.getText(), availability.getText(), 0);
            tasks.run(() -> volunteers.register(draft), v -> {
                dialogs.notifySuccess(Messages.t("volunteer.registered", v.name()));
                List.of(name, id, phone, org, certificates, availability).forEach(TextField::clear);
                boxes.forEach(b -> b.setSelected(false));
                search.setText(v.name());
                refresh();
            }, dialogs::showError);
        });
        FlowPane specialties = new FlowPane(8, 4);
        specialties.setPrefWrapLength(640);
        specialties.getChildren().addAll(boxes);
        // a home moving in brings its list: the same import screen as the residents' register
        Button importList = new Button(Messages.t("volunteerImport.button"), Icons.IMPORT.icon());
        importList.setId("importVolunteers");
        importList.setOnAction(e -> new ImportDialog(
                new ImportViewModel<>(importer, tasks), dialogs, this::refresh).show());
        return new VBox(6, row(visible, name, id, phone, org),
                row(visible, labelled("volunteer.specialties", specialties)),
                row(visible, certificates, availability, register), row(visible, importList));
    }

    private Node checkForm(boolean visible) {
        DateField on = date("checkDate", "volunteer.checkedOn", LocalDate.now(clock));
        ComboBox<BackgroundCheck.Result> result = choice("checkResult", null, BackgroundCheck.Result.values());
        DateField until = date("checkValidUntil", "volunteer.validUntil", null);
        TextField reference = text("checkReference", "volunteer.reference");
        Button save = new Button(Messages.t("volunteer.recordCheck"));
        save.setId("recordCheck");
        save.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            long vid = list.getSelectionModel().getSelectedItem().volunteer().id();
            on.commitText();
            until.commitText();
            LocalDate d = on.getValue();
            BackgroundCheck.Result r = result.getValue();
            LocalDate u = until.getValue();
            String ref = reference.getText();
            tasks.run(() -> volunteers.recordCheck(vid, d, r, u, ref), c -> {
                reference.clear();
                until.setValue(null);
                refresh();
            }, dialogs::showError);
        });
        return row(visible, labelled("volunteer.checkedOn", on), result, labelled("volunteer.validUntil", until),
                reference, save);
    }

    private Node trainingForm(boolean visible) {
        TextField course = text("trainingCourse", "training.course");
        course.setPrefColumnCount(14);
        DateField on = date("trainingDate", "training.date", LocalDate.now(clock));
        TextField hours = text("trainingHours", "training.hours");
        hours.setPrefColumnCount(5);
        Button save = new Button(Messages.t("training.record"));
        save.setId("recordTraining");
        save.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        save.setOnAction(e -> {
            long vid = list.getSelectionModel().getSelectedItem().volunteer().id();
            on.commitText();
            String c = course.getText();
            LocalDate d = on.getValue();
            BigDecimal h;
            try {
                h = InlineForms.decimal(hours);
            } catch (ValidationException bad) {
                dialogs.showError(bad); // letters in a number: said by name, the text kept
                return;
            }
            tasks.run(() -> volunteers.recordTraining(vid, c, d, h), t -> {
                course.clear();
                hours.clear();
                loadSelected();
            }, dialogs::showError);
        });
        return row(visible, course, labelled("training.date", on), hours, save);
    }

    private Node certificateForm(Path printed, Supplier<String> homeName) {
        LocalDate today = LocalDate.now(clock);
        DateField from = date("certificateFrom", "hours.from", today.withDayOfYear(1));
        DateField to = date("certificateTo", "hours.to", today);
        Button print = new Button(Messages.t("certificate.print"));
        print.setId("printCertificate");
        javafx.scene.control.Label outcome = new javafx.scene.control.Label();
        outcome.setId("certificatePrinted");
        outcome.setWrapText(true); // where it was saved and which printer it went to, kept on screen
        print.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        print.setOnAction(e -> {
            long vid = list.getSelectionModel().getSelectedItem().volunteer().id();
            from.commitText();
            to.commitText();
            LocalDate f = from.getValue();
            LocalDate t = to.getValue();
            new DocumentPrinter(tasks, dialogs).writeAndPrint(() -> shifts.printCertificate(vid, f, t, printed,
                    homeName.get()), "certificate.written", outcome::setText);
        });
        return new VBox(6, row(true, labelled("hours.from", from), labelled("hours.to", to), print), outcome);
    }

    /** The selected volunteer's checks and trainings. */
    private record Details(List<BackgroundCheck> checks, List<Training> trainings) {
    }

    private void loadSelected() {
        VolunteerService.Listed selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            checks.getItems().clear();
            trainings.getItems().clear();
            return;
        }
        long vid = selected.volunteer().id();
        tasks.run(() -> new Details(volunteers.checks(vid), volunteers.trainings(vid)), d -> {
            checks.getItems().setAll(d.checks());
            trainings.getItems().setAll(d.trainings());
        }, dialogs::showError);
    }

    /** The list and the renewals, keeping the selection. */
    private record Lists(List<VolunteerService.Listed> people, List<VolunteerRepository.Expiring> renew) {
    }

    void refresh() {
        String text = search.getText();
        tasks.run(() -> new Lists(volunteers.list(text, LIST_LIMIT), volunteers.checksToRenew()), l -> {
            boolean none = list.getSelectionModel().isEmpty();
            TableRows.replaceKeepingSelection(list, l.people(), x -> x.volunteer().id());
            renew.getItems().setAll(l.renew());
            if (none && l.people().size() == 1) {
                list.getSelectionModel().selectFirst();
            }
        }, dialogs::showError);
    }

    void focusRegistration() {
        name.requestFocus();
    }

    void focusSearch() {
        search.requestFocus();
    }

    Node node() {
        return root;
    }
}
