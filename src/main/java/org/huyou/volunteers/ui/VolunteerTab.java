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
import javafx.scene.Node;
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
        list.getColumns()
                .add(Columns.text("volunteer.idNumber", l -> l.volunteer().maskedIdNumber(), 185));
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
        list.getColumns().add(Columns.text("volunteer.checkStatus", model::checkStatus, 250));
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
        root = InlineForms.scrolled(
                heading("volunteer.renewTitle"),
                renew,
                heading("volunteer.title"),
                search,
                list,
                heading("volunteer.register"),
                registrationForm(create),
                heading("volunteer.checks"),
                checks,
                checkForm(edit),
                heading("training.title"),
                trainings,
                trainingForm(edit),
                heading("certificate.title"),
                certificateForm());
        refresh();
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
        save.disableProperty().bind(model.selectedProperty().isNull());
        save.setOnAction(e -> {
            on.commitText();
            until.commitText();
            model.recordCheck();
        });
        return row(
                visible,
                labelled("volunteer.checkedOn", on),
                result,
                labelled("volunteer.validUntil", until),
                reference,
                save);
    }

    private Node trainingForm(boolean visible) {
        TextField course = text("trainingCourse", "training.course");
        course.setPrefColumnCount(14);
        course.textProperty().bindBidirectional(model.course);
        DateField on = date("trainingDate", "training.date", null);
        on.valueProperty().bindBidirectional(model.trainedOn);
        TextField hours = text(VolunteersViewModel.TRAINING_HOURS, "training.hours");
        hours.setPrefColumnCount(5);
        hours.textProperty().bindBidirectional(model.trainingHours);
        Button save = new Button(Messages.t("training.record"));
        save.setId("recordTraining");
        save.disableProperty().bind(model.selectedProperty().isNull());
        save.setOnAction(e -> {
            on.commitText();
            model.recordTraining();
        });
        return row(visible, course, labelled("training.date", on), hours, save);
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
        print.disableProperty().bind(model.selectedProperty().isNull());
        print.setOnAction(e -> {
            from.commitText();
            to.commitText();
            new DocumentPrinter(tasks, dialogs)
                    .writeAndPrint(model.certificate(), "certificate.written", outcome::setText);
        });
        return new VBox(6, row(true, labelled("hours.from", from), labelled("hours.to", to), print), outcome);
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
