package org.huyou.residents.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.LivingGroup;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentService;
import org.huyou.residents.ResidentStatus;
import org.huyou.residents.ResidentWarnings;
import org.huyou.residents.StatusEvent;

/** One resident's file as shown beside the list: profile, photo, status history, current status. */
public final class ResidentDetailViewModel {

    private final ResidentService service;
    private final TaskRunner tasks;
    private final ObjectProperty<Resident> resident = new SimpleObjectProperty<>();
    private final ObjectProperty<byte[]> photo = new SimpleObjectProperty<>();
    private final ObjectProperty<ResidentStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<StatusEvent> history = FXCollections.observableArrayList();
    private final ObservableList<LivingGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final List<ResidentWarnings> warningSources;
    private long requested;
    private Consumer<Throwable> onError = t -> {};

    public ResidentDetailViewModel(ResidentService service, TaskRunner tasks, List<ResidentWarnings> warningSources) {
        this.service = service;
        this.tasks = tasks;
        this.warningSources = List.copyOf(warningSources);
    }

    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    private record File(
            Resident resident,
            Optional<byte[]> photo,
            List<StatusEvent> history,
            Optional<ResidentStatus> status,
            List<LivingGroup> groups,
            List<String> warnings) {}

    /** Loads a resident's file in the background; selecting another meanwhile wins. */
    public void load(Long residentId) {
        long mine = residentId == null ? -1 : residentId;
        requested = mine;
        if (residentId == null) {
            resident.set(null);
            photo.set(null);
            history.clear();
            status.set(null);
            warnings.clear();
            return;
        }
        tasks.run(
                () -> new File(
                        service.get(residentId),
                        service.photo(residentId),
                        service.statusHistory(residentId),
                        service.currentStatus(residentId),
                        service.livingGroups(),
                        warningSources.stream()
                                .flatMap(w -> w.warningsFor(residentId).stream())
                                .toList()),
                file -> {
                    if (requested != mine) {
                        return;
                    }
                    groups.setAll(file.groups());
                    resident.set(file.resident());
                    photo.set(file.photo().orElse(null));
                    history.setAll(file.history());
                    status.set(file.status().orElse(null));
                    warnings.setAll(file.warnings());
                },
                onError);
    }

    public void reload() {
        Resident r = resident.get();
        if (r != null) {
            load(r.id());
        }
    }

    public void recordStatus(
            ResidentStatus newStatus, LocalDate date, String note, Runnable onDone, Consumer<Throwable> onFailed) {
        long id = resident.get().id();
        tasks.run(
                () -> service.recordStatus(id, newStatus, date, note),
                e -> {
                    reload();
                    onDone.run();
                },
                onFailed);
    }

    public void voidStatus(StatusEvent event, String reason, Runnable onDone, Consumer<Throwable> onFailed) {
        long id = resident.get().id();
        tasks.run(
                () -> {
                    service.voidStatus(id, event.id(), reason);
                    return true;
                },
                ok -> {
                    reload();
                    onDone.run();
                },
                onFailed);
    }

    public String groupName(Long groupId) {
        return groups.stream()
                .filter(g -> g.id() == (groupId == null ? -1 : groupId))
                .map(LivingGroup::name)
                .findFirst()
                .orElse("");
    }

    public ObjectProperty<Resident> residentProperty() {
        return resident;
    }

    public ObjectProperty<byte[]> photoProperty() {
        return photo;
    }

    public ObjectProperty<ResidentStatus> statusProperty() {
        return status;
    }

    public ObservableList<StatusEvent> history() {
        return history;
    }

    /** Warnings every screen of this resident shows (allergies...). */
    public ObservableList<String> warnings() {
        return warnings;
    }

    public ObservableList<LivingGroup> groups() {
        return groups;
    }

    public LocalDate today() {
        return service.today();
    }
}
