package org.huyou.donations.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.donations.Disclosure;
import org.huyou.donations.DisclosureService;
import org.huyou.donations.PublishedDisclosure;

/** The director's public disclosure: a period (last quarter by default), the folder, the schedule and the register. */
public final class DisclosureViewModel {

    private final DisclosureService disclosures;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObservableList<PublishedDisclosure> published = FXCollections.observableArrayList();
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty due = new SimpleStringProperty("");

    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final StringProperty folder = new SimpleStringProperty("");
    /** Why a period already published is published again; empty for a first publication. */
    final StringProperty reason = new SimpleStringProperty("");

    final ObjectProperty<DisclosureService.Schedule> schedule =
            new SimpleObjectProperty<>(DisclosureService.Schedule.QUARTERLY);

    public DisclosureViewModel(
            DisclosureService disclosures, TaskRunner tasks, Notices notices, Clock clock, Path defaultFolder) {
        this.disclosures = disclosures;
        this.tasks = tasks;
        this.notices = notices;
        YearMonth now = YearMonth.now(clock);
        YearMonth thisQuarterStart = now.withMonth((now.getMonthValue() - 1) / 3 * 3 + 1);
        from.set(thisQuarterStart.minusMonths(3).atDay(1));
        to.set(thisQuarterStart.atDay(1).minusDays(1));
        folder.set(defaultFolder.toString());
    }

    private record Loaded(
            List<PublishedDisclosure> published, Optional<LocalDate[]> due, DisclosureService.Schedule schedule) {}

    public void refresh() {
        tasks.run(
                () -> new Loaded(disclosures.published(), disclosures.due(), disclosures.schedule()),
                l -> {
                    published.setAll(l.published());
                    schedule.set(l.schedule());
                    due.set(l.due()
                            .map(p -> Messages.t("disclosure.dueText", p[0].toString(), p[1].toString()))
                            .orElse(""));
                },
                notices::showError);
    }

    /**
     * Writes the disclosure of the period into the folder; the line under the form says what was written. A period
     * published already is refused in a sentence unless a reason for the correction is given (kept when refused).
     */
    public void export() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        String into = folder.get();
        String why = reason.get();
        tasks.run(
                () -> disclosures.export(f, t, Path.of(into), why), // a path it cannot read is refused as a failure
                out -> {
                    Disclosure.FundLine total = out.disclosure().total();
                    reason.set("");
                    String supersedes = out.supersedes()
                            .map(p -> " " + Messages.t("disclosure.supersedesText", p.describe()))
                            .orElse("");
                    result.set(Messages.t(
                                    "disclosure.done",
                                    out.pdf(),
                                    out.xlsx(),
                                    Money.amount(total.received()),
                                    Money.amount(total.used()),
                                    Money.amount(total.closing()),
                                    out.disclosure().verificationCode())
                            + supersedes);
                    refresh();
                },
                notices::showError);
    }

    public void saveSchedule() {
        DisclosureService.Schedule s = schedule.get();
        tasks.run(
                () -> {
                    disclosures.setSchedule(s);
                    return true;
                },
                ok -> refresh(),
                notices::showError);
    }

    public ObservableList<PublishedDisclosure> published() {
        return published;
    }

    /** What the register says of a publication's place: the one it corrects and why, the one that corrected it. */
    public static String standing(PublishedDisclosure p) {
        String corrects = p.supersedes() == null
                ? ""
                : Messages.t(
                        "disclosure.corrects",
                        p.supersedes(),
                        p.correctionReason() == null ? Messages.t("disclosure.noReason") : p.correctionReason());
        String correctedBy = p.superseded() ? Messages.t("disclosure.correctedBy", p.supersededBy()) : "";
        return corrects.isEmpty() || correctedBy.isEmpty() ? corrects + correctedBy : corrects + " " + correctedBy;
    }

    /** What was last exported here, in a sentence. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    /** The period whose disclosure is due, in a sentence (empty: none is due). */
    public ReadOnlyStringProperty dueProperty() {
        return due;
    }
}
