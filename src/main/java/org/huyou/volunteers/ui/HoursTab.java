package org.huyou.volunteers.ui;

import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TaskRunner;
import org.huyou.volunteers.ShiftRepository;
import org.huyou.volunteers.ShiftService;

/** Service hours per volunteer over a period, with the period's totals. */
final class HoursTab {

    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DateField from;
    private final DateField to;
    private final TableView<ShiftRepository.HoursLine> table = table("hoursTable", 380, "hours.none");
    private final Label total = new Label();
    private final Node root;

    HoursTab(ShiftService shifts, TaskRunner tasks, DialogService dialogs, Clock clock) {
        this.shifts = shifts;
        this.tasks = tasks;
        this.dialogs = dialogs;
        LocalDate today = LocalDate.now(clock);
        from = date("hoursFrom", "hours.from", today.withDayOfYear(1));
        to = date("hoursTo", "hours.to", today);
        total.setId("hoursTotal");
        table.getColumns().add(Columns.text("volunteer.name", ShiftRepository.HoursLine::name, 110));
        table.getColumns().add(Columns.text("volunteer.organisation", h -> InlineForms.nz(h.organisation()), 200));
        table.getColumns().add(Columns.text("hours.activities", h -> String.valueOf(h.activities()), 80));
        table.getColumns().add(Columns.text("activity.hours", h -> h.hours().toPlainString(), 110));
        Button show = new Button(Messages.t("hours.show"));
        show.setId("showHours");
        show.setOnAction(e -> refresh());
        root = InlineForms.scrolled(heading("hours.title"), row(true, labelled("hours.from", from),
                labelled("hours.to", to), show), table, total);
    }

    void refresh() {
        from.commitText();
        to.commitText();
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        if (f == null || t == null) {
            return;
        }
        tasks.run(() -> shifts.hoursPerVolunteer(f, t), lines -> {
            table.getItems().setAll(lines);
            BigDecimal sum = lines.stream().map(ShiftRepository.HoursLine::hours).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
            total.setText(Messages.t("hours.total", lines.size(), sum.toPlainString()));
        }, dialogs::showError);
    }

    Node node() {
        return root;
    }
}
