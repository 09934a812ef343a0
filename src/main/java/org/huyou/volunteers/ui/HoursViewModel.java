package org.huyou.volunteers.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.Quantities;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.volunteers.HoursLine;
import org.huyou.volunteers.ShiftService;

/** Service hours per volunteer over a period (this year so far unless changed), with the period's totals. */
public final class HoursViewModel {

    private final ShiftService shifts;
    private final TaskRunner tasks;
    private final Notices notices;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<HoursLine> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");

    public HoursViewModel(ShiftService shifts, TaskRunner tasks, Notices notices, LocalDate today) {
        this.shifts = shifts;
        this.tasks = tasks;
        this.notices = notices;
        from.set(today.withDayOfYear(1));
        to.set(today);
    }

    /** The period's lines; nothing while either date is empty. */
    public void refresh() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f == null || t == null) {
            return;
        }
        tasks.run(
                () -> shifts.hoursPerVolunteer(f, t),
                lines -> {
                    rows.setAll(lines);
                    BigDecimal sum = lines.stream().map(HoursLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
                    total.set(Messages.t("hours.total", lines.size(), Quantities.plain(sum)));
                },
                notices::showError);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<HoursLine> rows() {
        return rows;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }
}
