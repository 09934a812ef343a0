package org.huyou.volunteers.ui;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.ValidationException;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.KeptSelection;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.RefusedField;
import org.huyou.common.ui.TaskRunner;
import org.huyou.volunteers.BackgroundCheck;
import org.huyou.volunteers.ExpiringCheck;
import org.huyou.volunteers.ShiftService;
import org.huyou.volunteers.Training;
import org.huyou.volunteers.Volunteer;
import org.huyou.volunteers.VolunteerService;

/**
 * Volunteers: the checks to renew, the list (searched as typed) with each one's check status, registration, and for
 * the selected volunteer their criminal-record inquiries, trainings and a certificate of service hours.
 */
public final class VolunteersViewModel {

    private static final int LIST_LIMIT = 500;
    /** The field id a refused number of training hours names (the View's field has it). */
    static final String TRAINING_HOURS = "trainingHours";

    /** The registration form's controls by the fields the service names. */
    private static final Map<String, String> REGISTRATION_FIELDS = Map.of(
            "name", "volunteerName",
            "idNumber", "volunteerIdNumber",
            "phone", "volunteerPhone",
            "organisation", "volunteerOrganisation",
            "certificates", "volunteerCertificates",
            "availability", "volunteerAvailability");

    private static final Map<String, String> CHECK_FIELDS = Map.of(
            "checkedOn", "checkDate",
            "result", "checkResult",
            "validUntil", "checkValidUntil",
            "reference", "checkReference");

    private static final Map<String, String> TRAINING_FIELDS =
            Map.of("course", "trainingCourse", "trainedOn", "trainingDate", "hours", TRAINING_HOURS);

    private final VolunteerService volunteers;
    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final Notices notices;
    private final Clock clock;
    private final Path printed;
    private final Supplier<String> homeName;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<VolunteerService.Listed> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<VolunteerService.Listed> selected = new SimpleObjectProperty<>();
    private final ObservableList<ExpiringCheck> renew = FXCollections.observableArrayList();
    private final ObservableList<BackgroundCheck> checks = FXCollections.observableArrayList();
    private final ObservableList<Training> trainings = FXCollections.observableArrayList();
    /** The courses some kind of activity requires, as the home wrote them: the training form offers them. */
    private final ObservableList<String> requiredCourses = FXCollections.observableArrayList();
    /** Said before saving when the typed course is none of the required ones (it would never count). */
    private final ReadOnlyStringWrapper courseWarning = new ReadOnlyStringWrapper("");
    /** Whom the check, training and certificate forms are for, or the hint to choose someone first. */
    private final ReadOnlyStringWrapper selectedWho = new ReadOnlyStringWrapper("");
    /** The field a refused command names, marked on the form. */
    final RefusedField refused;

    final StringProperty name = new SimpleStringProperty("");
    final StringProperty idNumber = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty organisation = new SimpleStringProperty("");
    final Map<Volunteer.Specialty, BooleanProperty> specialties = new EnumMap<>(Volunteer.Specialty.class);
    final StringProperty certificates = new SimpleStringProperty("");
    final StringProperty availability = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> checkedOn = new SimpleObjectProperty<>();
    final ObjectProperty<BackgroundCheck.Result> checkResult =
            new SimpleObjectProperty<>(BackgroundCheck.Result.values()[0]);
    final ObjectProperty<LocalDate> checkValidUntil = new SimpleObjectProperty<>();
    final StringProperty checkReference = new SimpleStringProperty("");

    final StringProperty course = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> trainedOn = new SimpleObjectProperty<>();
    final StringProperty trainingHours = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> certificateFrom = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> certificateTo = new SimpleObjectProperty<>();

    public VolunteersViewModel(VolunteerService volunteers, ShiftService shifts, ScreenParts parts) {
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.tasks = parts.tasks();
        this.notices = parts.notices();
        this.clock = parts.clock();
        this.printed = parts.printed();
        this.homeName = parts.homeName();
        for (Volunteer.Specialty s : Volunteer.Specialty.values()) {
            specialties.put(s, new SimpleBooleanProperty(false));
        }
        LocalDate today = LocalDate.now(clock);
        checkedOn.set(today);
        trainedOn.set(today);
        certificateFrom.set(today.withDayOfYear(1));
        certificateTo.set(today);
        this.refused = new RefusedField(notices);
        search.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> loadSelected());
        course.addListener((o, a, b) -> warnOfCourse());
        requiredCourses.addListener((ListChangeListener<String>) c -> warnOfCourse());
        selected.addListener((o, a, b) -> selectedWho.set(who(b)));
        selectedWho.set(who(null));
    }

    /** What the list says of a volunteer's latest check: none, clear until when, expired, or its result. */
    public String checkStatus(VolunteerService.Listed l) {
        BackgroundCheck c = l.latestCheck();
        LocalDate today = LocalDate.now(clock);
        if (c == null) {
            return Messages.t("volunteer.status.none");
        }
        if (c.clearOn(today)) {
            return Messages.t("volunteer.status.clear", c.validUntil().toString());
        }
        return c.result() == BackgroundCheck.Result.CLEAR
                ? Messages.t("volunteer.status.expired", c.validUntil().toString())
                : c.result().label();
    }

    static String specialties(Set<Volunteer.Specialty> s) {
        return Messages.list(s.stream().map(Volunteer.Specialty::label).toList());
    }

    /**
     * Whom the forms below the list are for: the name and the phone's last four digits (namesakes are common), or
     * the hint that nobody is chosen.
     */
    static String who(VolunteerService.Listed l) {
        if (l == null) {
            return Messages.t("volunteer.noneChosen");
        }
        String digits =
                l.volunteer().phone() == null ? "" : l.volunteer().phone().replaceAll("\\D", "");
        return digits.isEmpty()
                ? l.volunteer().name()
                : Messages.t(
                        "volunteer.whoWithPhone",
                        l.volunteer().name(),
                        digits.substring(Math.max(0, digits.length() - 4)));
    }

    private void warnOfCourse() {
        String typed = course.get() == null ? "" : course.get().strip();
        courseWarning.set(
                typed.isEmpty() || requiredCourses.isEmpty() || requiredCourses.contains(typed)
                        ? ""
                        : Messages.t("training.notRequired", typed, Messages.list(requiredCourses)));
    }

    /** The list, the renewals and the courses activities require. */
    private record Lists(
            List<VolunteerService.Listed> people, int total, List<ExpiringCheck> renew, List<String> required) {}

    /** The list and the renewals, keeping the selection; a search that finds one volunteer selects them. */
    public void refresh() {
        String text = search.get();
        tasks.run(
                () -> new Lists(
                        volunteers.list(text, LIST_LIMIT),
                        volunteers.count(),
                        volunteers.checksToRenew(),
                        volunteers.requiredTrainings().values().stream()
                                .flatMap(List::stream)
                                .distinct()
                                .sorted()
                                .toList()),
                l -> {
                    boolean none = selected.get() == null;
                    KeptSelection.replace(
                            rows, selected, l.people(), x -> x.volunteer().id());
                    renew.setAll(l.renew());
                    // shown and in all, a search or not: "显示 0 人" alone did not say whether anyone is registered
                    countText.set(Messages.t(
                            l.people().size() == LIST_LIMIT ? "volunteer.countLimited" : "volunteer.count",
                            l.people().size(),
                            Math.max(l.total(), l.people().size())));
                    if (!requiredCourses.equals(l.required())) {
                        requiredCourses.setAll(l.required());
                    }
                    if (none && l.people().size() == 1) {
                        selected.set(l.people().get(0));
                    }
                },
                notices::showError);
    }

    /** The selected volunteer's checks and trainings. */
    private record Details(List<BackgroundCheck> checks, List<Training> trainings) {}

    private void loadSelected() {
        VolunteerService.Listed l = selected.get();
        if (l == null) {
            checks.clear();
            trainings.clear();
            return;
        }
        long vid = l.volunteer().id();
        tasks.run(
                () -> new Details(volunteers.checks(vid), volunteers.trainings(vid)),
                d -> {
                    checks.setAll(d.checks());
                    trainings.setAll(d.trainings());
                },
                notices::showError);
    }

    /** Registers the volunteer the form holds; the form is cleared and the list searched for them. */
    public void register() {
        Set<Volunteer.Specialty> chosen = EnumSet.noneOf(Volunteer.Specialty.class);
        specialties.forEach((s, on) -> {
            if (on.get()) {
                chosen.add(s);
            }
        });
        Volunteer draft = new Volunteer(
                0,
                name.get(),
                idNumber.get(),
                phone.get(),
                organisation.get(),
                chosen,
                certificates.get(),
                availability.get(),
                0);
        tasks.run(
                () -> volunteers.register(draft),
                v -> {
                    refused.clear();
                    notices.notifySuccess(Messages.t("volunteer.registered", v.name()));
                    List.of(name, idNumber, phone, organisation, certificates, availability)
                            .forEach(p -> p.set(""));
                    specialties.values().forEach(on -> on.set(false));
                    search.set(v.name());
                    refresh();
                },
                refused.naming(REGISTRATION_FIELDS));
    }

    /** Records a criminal-record inquiry for the selected volunteer. */
    public void recordCheck() {
        long vid = selected.get().volunteer().id();
        LocalDate d = checkedOn.get();
        BackgroundCheck.Result r = checkResult.get();
        LocalDate u = checkValidUntil.get();
        String ref = checkReference.get();
        tasks.run(
                () -> volunteers.recordCheck(vid, d, r, u, ref),
                c -> {
                    refused.clear();
                    checkReference.set("");
                    checkValidUntil.set(null);
                    refresh();
                },
                refused.naming(CHECK_FIELDS));
    }

    /** Records a training of the selected volunteer. */
    public void recordTraining() {
        long vid = selected.get().volunteer().id();
        String c = course.get();
        LocalDate d = trainedOn.get();
        BigDecimal h;
        try {
            h = InlineForms.decimal(TRAINING_HOURS, Messages.t("training.hours"), trainingHours.get());
        } catch (ValidationException bad) {
            refused.showError(bad); // letters in a number: said by name, the text kept
            return;
        }
        tasks.run(
                () -> volunteers.recordTraining(vid, c, d, h),
                t -> {
                    refused.clear();
                    course.set("");
                    trainingHours.set("");
                    loadSelected();
                },
                refused.naming(TRAINING_FIELDS));
    }

    /** Writing the selected volunteer's certificate of service hours, for the View to run and print. */
    public Callable<Path> certificate() {
        long vid = selected.get().volunteer().id();
        LocalDate f = certificateFrom.get();
        LocalDate t = certificateTo.get();
        return () -> shifts.printCertificate(vid, f, t, printed, homeName.get());
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The list's count line: how many are shown, and how many are registered in all. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ObservableList<VolunteerService.Listed> rows() {
        return rows;
    }

    public ObjectProperty<VolunteerService.Listed> selectedProperty() {
        return selected;
    }

    public ObservableList<ExpiringCheck> renew() {
        return renew;
    }

    public ObservableList<BackgroundCheck> checks() {
        return checks;
    }

    public ObservableList<Training> trainings() {
        return trainings;
    }

    public ObservableList<String> requiredCourses() {
        return requiredCourses;
    }

    public ReadOnlyStringProperty courseWarningProperty() {
        return courseWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedWhoProperty() {
        return selectedWho.getReadOnlyProperty();
    }
}
