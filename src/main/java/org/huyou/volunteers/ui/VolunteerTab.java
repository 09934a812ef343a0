package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;

import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.huyou.common.Messages;
import org.huyou.common.Quantities;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.EmptyList;
import org.huyou.common.ui.FieldMarks;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.ImportDialog;
import org.huyou.common.ui.ImportViewModel;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.ExpiringCheck;
import org.huyou.volunteers.Training;
import org.huyou.volunteers.Volunteer;
import org.huyou.volunteers.VolunteerService;
import org.huyou.volunteers.io.VolunteerImporter;

/**
 * Volunteers: the checks to renew, the list with each one's check status, registration, and for the selected volunteer
 * their criminal-record inquiries, trainings and a certificate of service hours.
 */
final class VolunteerTab {

    private final VolunteersViewModel model;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TextField search = InlineForms.searchBox(text("volunteerSearch", "volunteer.search"));
    private final TableView<VolunteerService.Listed> list = table("volunteerTable", 260, "volunteer.none");
    private final TableView<ExpiringCheck> renew = table("renewTable", 110, "volunteer.noneToRenew");
    private final TableView<BackgroundCheck> checks = table("checkTable", 110, "volunteer.noChecks");
    private final TableView<Training> trainings = table("trainingTable", 110, "training.none");
    private final TextField name = text("volunteerName", "volunteer.name");
    private final Node root;

    private final VolunteerImporter importer;

    VolunteerTab(
            VolunteersViewModel model,
            VolunteerImporter importer,
            TaskRunner tasks,
            DialogService dialogs,
            CurrentUser user) {
        this.model = model;
        this.importer = importer;
        this.tasks = tasks;
        this.dialogs = dialogs;
        boolean create = user.can(AppModule.VOLUNTEERS, Action.CREATE);
        boolean edit = user.can(AppModule.VOLUNTEERS, Action.EDIT);
        boolean lookUpOnly = lookUpOnly(user);
        renew.setItems(model.renew());
        list.setItems(model.rows());
        TableRows.follow(list, model.selectedProperty());
        checks.setItems(model.checks());
        trainings.setItems(model.trainings());
        renew.getColumns().add(Columns.text("volunteer.name", e -> e.volunteer().name(), 120));
        renew.getColumns()
                .add(Columns.text("volunteer.phone", e -> e.volunteer().phone(), 120));
        renew.getColumns()
                .add(Columns.text("volunteer.validUntil", e -> e.validUntil().toString(), 110));
        list.getColumns().add(Columns.text("volunteer.name", l -> l.volunteer().name(), 100));
        if (!lookUpOnly) {
            list.getColumns()
                    .add(Columns.text("volunteer.idNumber", l -> l.volunteer().maskedIdNumber(), 185));
        }
        list.getColumns().add(Columns.text("volunteer.phone", l -> l.volunteer().phone(), 110));
        list.getColumns()
                .add(Columns.text(
                        "volunteer.organisation",
                        l -> InlineForms.nz(l.volunteer().organisation()),
                        160));
        list.getColumns()
                .add(Columns.text(
                        "volunteer.specialties",
                        l -> VolunteersViewModel.specialties(l.volunteer().specialties()),
                        160));
        if (!lookUpOnly) {
            list.getColumns().add(Columns.text("volunteer.checkStatus", model::checkStatus, 250));
        }
        checks.getColumns()
                .add(Columns.text("volunteer.checkedOn", c -> c.checkedOn().toString(), 100));
        checks.getColumns()
                .add(Columns.text("volunteer.checkResult", c -> c.result().label(), 100));
        checks.getColumns()
                .add(Columns.text(
                        "volunteer.validUntil",
                        c -> c.validUntil() == null ? "" : c.validUntil().toString(),
                        100));
        checks.getColumns().add(Columns.text("volunteer.reference", c -> InlineForms.nz(c.reference()), 160));
        trainings.getColumns().add(Columns.text("training.course", Training::course, 200));
        trainings
                .getColumns()
                .add(Columns.text("training.date", t -> t.trainedOn().toString(), 100));
        trainings.getColumns().add(Columns.text("training.hours", t -> Quantities.plain(t.hours()), 80));
        search.textProperty().bindBidirectional(model.searchProperty());
        EmptyList.follow(list, search.textProperty(), "volunteer.none", "volunteer.noMatch");
        Label count = new Label();
        count.setId("volunteerCount");
        count.textProperty().bind(model.countTextProperty());
        VBox listed = new VBox(4, list, count);
        Node registration = registrationForm(create);
        root = lookUpOnly
                ? InlineForms.scrolled(
                        heading("volunteer.title"), search, listed, heading("volunteer.register"), registration)
                : InlineForms.scrolled(
                        heading("volunteer.renewTitle"),
                        renew,
                        heading("volunteer.title"),
                        search,
                        listed,
                        heading("volunteer.register"),
                        registration,
                        forSelected("volunteer.checksOf"),
                        checks,
                        checkForm(edit),
                        forSelected("training.titleOf"),
                        trainings,
                        trainingForm(edit),
                        forSelected("certificate.titleOf"),
                        certificateForm());
        FieldMarks.follow((Parent) root, model.refused.fieldProperty());
        refresh();
    }

    /**
     * Front desk registers volunteers and looks them up (is this person registered?); their checks, trainings,
     * hours and the shifts are the coordinator's, read by the director: a role that may add but not edit volunteers
     * sees the look-up and the registration only.
     */
    static boolean lookUpOnly(CurrentUser user) {
        return user.can(AppModule.VOLUNTEERS, Action.CREATE) && !user.can(AppModule.VOLUNTEERS, Action.EDIT);
    }

    /** A section's heading naming whom it is for (name and phone tail), or that someone must be chosen first. */
    private Label forSelected(String key) {
        Label l = heading(key);
        l.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> Messages.t(key, model.selectedWhoProperty().get()), model.selectedWhoProperty()));
        l.setWrapText(true);
        return l;
    }

    private Node registrationForm(boolean visible) {
        name.setPrefColumnCount(8);
        name.textProperty().bindBidirectional(model.name);
        TextField id = text("volunteerIdNumber", "volunteer.idNumber");
        id.setPrefColumnCount(16);
        id.textProperty().bindBidirectional(model.idNumber);
        TextField phone = text("volunteerPhone", "volunteer.phone");
        phone.textProperty().bindBidirectional(model.phone);
        TextField org = text("volunteerOrganisation", "volunteer.organisationHint");
        org.setPrefColumnCount(18);
        org.textProperty().bindBidirectional(model.organisation);
        List<CheckBox> boxes = Arrays.stream(Volunteer.Specialty.values())
                .map(s -> {
                    CheckBox b = new CheckBox(s.label());
                    b.setId("specialty" + s.name());
                    b.selectedProperty().bindBidirectional(model.specialties.get(s));
                    return b;
                })
                .toList();
        TextField certificates = text("volunteerCertificates", "volunteer.certificates");
        certificates.setPrefColumnCount(18);
        certificates.textProperty().bindBidirectional(model.certificates);
        TextField availability = text("volunteerAvailability", "volunteer.availability");
        availability.textProperty().bindBidirectional(model.availability);
        Button register = new Button(Messages.t("volunteer.registerButton"));
        register.setId("registerVolunteer");
        register.setOnAction(e -> model.register());
        FlowPane specialties = new FlowPane(8, 4);
        specialties.setPrefWrapLength(640);
        specialties.getChildren().addAll(boxes);
        // a home moving in brings its list: the same import screen as the residents' register
        Button importList = new Button(Messages.t("volunteerImport.button"), Icons.IMPORT.icon());
        importList.setId("importVolunteers");
        importList.setOnAction(
                e -> new ImportDialog(new ImportViewModel<>(importer, tasks), dialogs, this::refresh).show());
        return new VBox(
                6,
                row(visible, name, id, phone, org),
                row(visible, labelled("volunteer.specialties", specialties)),
                row(visible, certificates, availability, register),
                row(visible, importList));
    }

    private Node checkForm(boolean visible) {
        DateField on = date("checkDate", "volunteer.checkedOn", null);
        on.valueProperty().bindBidirectional(model.checkedOn);
        ComboBox<BackgroundCheck.Result> result = choice("checkResult", null, BackgroundCheck.Result.values());
        result.valueProperty().bindBidirectional(model.checkResult);
        DateField until = date("checkValidUntil", "volunteer.validUntil", null);
        until.valueProperty().bindBidirectional(model.checkValidUntil);
        TextField reference = text("checkReference", "volunteer.reference");
        reference.textProperty().bindBidirectional(model.checkReference);
        Button save = new Button(Messages.t("volunteer.recordCheck"));
        save.setId("recordCheck");
        save.setOnAction(e -> {
            on.commitText();
            until.commitText();
            model.recordCheck();
        });
        return forSelectedOnly(row(
                visible,
                labelled("volunteer.checkedOn", on),
                result,
                labelled("volunteer.validUntil", until),
                reference,
                save));
    }

    private Node trainingForm(boolean visible) {
        // the required courses offered as the home wrote them (its data, in its language); other text still allowed
        ComboBox<String> course = new ComboBox<>(model.requiredCourses());
        course.setId("trainingCourse");
        course.setEditable(true);
        course.setPromptText(Messages.t("training.course"));
        course.getEditor().setPrefColumnCount(14);
        course.getEditor().textProperty().bindBidirectional(model.course);
        Label warning = new Label();
        warning.setId("trainingCourseWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(FormGrid.ERROR_STYLE);
        warning.textProperty().bind(model.courseWarningProperty());
        warning.visibleProperty().bind(model.courseWarningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        DateField on = date("trainingDate", "training.date", null);
        on.valueProperty().bindBidirectional(model.trainedOn);
        TextField hours = text(VolunteersViewModel.TRAINING_HOURS, "training.hours");
        hours.setPrefColumnCount(5);
        hours.textProperty().bindBidirectional(model.trainingHours);
        Button save = new Button(Messages.t("training.record"));
        save.setId("recordTraining");
        save.setOnAction(e -> {
            on.commitText();
            model.recordTraining();
        });
        VBox form = new VBox(4, row(visible, course, labelled("training.date", on), hours, save), warning);
        form.setVisible(visible);
        form.setManaged(visible);
        return forSelectedOnly(form);
    }

    private Node certificateForm() {
        DateField from = date("certificateFrom", "hours.from", null);
        from.valueProperty().bindBidirectional(model.certificateFrom);
        DateField to = date("certificateTo", "hours.to", null);
        to.valueProperty().bindBidirectional(model.certificateTo);
        Button print = new Button(Messages.t("certificate.print"));
        print.setId("printCertificate");
        Label outcome = new Label();
        outcome.setId("certificatePrinted");
        outcome.setWrapText(true); // where it was saved and which printer it went to, kept on screen
        print.setOnAction(e -> {
            from.commitText();
            to.commitText();
            new DocumentPrinter(tasks, dialogs)
                    .writeAndPrint(model.certificate(), "certificate.written", outcome::setText);
        });
        return forSelectedOnly(
                new VBox(6, row(true, labelled("hours.from", from), labelled("hours.to", to), print), outcome));
    }

    /** A form that applies to the chosen volunteer: disabled while nobody is chosen (its heading says so). */
    private Node forSelectedOnly(Node form) {
        form.disableProperty().bind(model.selectedProperty().isNull());
        return form;
    }

    void refresh() {
        model.refresh();
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
