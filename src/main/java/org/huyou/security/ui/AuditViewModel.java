package org.huyou.security.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.AuditEntry;
import org.huyou.security.AuditFilter;
import org.huyou.security.AuditLabels;
import org.huyou.security.AuditLog;
import org.huyou.security.AuditVerifier;
import org.huyou.security.CurrentUser;

/**
 * The audit log's state and commands: the filters, a page of matching entries with their count, the selected entry
 * in full, whether the chain is whole, and the export of what the filters match.
 */
public final class AuditViewModel {

    private static final int PAGE = 2000;

    private final AuditLog audit;
    private final TaskRunner tasks;
    private final Notices notices;
    private final boolean mayExport;
    private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
    private final StringProperty count = new SimpleStringProperty("");
    private final StringProperty chain = new SimpleStringProperty("");
    private final BooleanProperty chainBroken = new SimpleBooleanProperty();

    final StringProperty username = new SimpleStringProperty("");
    final ObjectProperty<String> action = new SimpleObjectProperty<>();
    final StringProperty record = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();

    public AuditViewModel(AuditLog audit, TaskRunner tasks, Notices notices, CurrentUser user) {
        this.audit = audit;
        this.tasks = tasks;
        this.notices = notices;
        this.mayExport = user.can(AppModule.AUDIT, Action.EXPORT);
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper narrowed =
            new javafx.beans.property.ReadOnlyBooleanWrapper();

    public ObservableList<AuditEntry> rows() {
        return rows;
    }

    /** Whether the rows shown are narrowed by a filter (an empty list then says none match, not none at all). */
    public ReadOnlyBooleanProperty narrowed() {
        return narrowed.getReadOnlyProperty();
    }

    /** "Showing n of m entries" (of all, when filtered). */
    public ReadOnlyStringProperty count() {
        return count;
    }

    /** Whether the chain is whole: the check made with the page, or the full one asked for. */
    public ReadOnlyStringProperty chain() {
        return chain;
    }

    public ReadOnlyBooleanProperty chainBroken() {
        return chainBroken;
    }

    public boolean mayExport() {
        return mayExport;
    }

    /** Every field of the selected entry, in full: long summaries and changes a cell cuts off. */
    public StringBinding detail() {
        return Bindings.createStringBinding(
                () -> selected.get() == null ? "" : AuditLabels.details(selected.get()), selected);
    }

    /** Reads the first page of what the filters match, then checks the chain's recent part. */
    public void refresh() {
        AuditFilter f = filter();
        AuditFilter all = new AuditFilter(null, null, null, null, null, null);
        boolean filtered = !(blank(f.username())
                && blank(f.action())
                && blank(f.entityId())
                && f.from() == null
                && f.to() == null);
        tasks.run(
                () -> new Page(audit.browse(f, PAGE), audit.count(f), filtered ? audit.count(all) : -1),
                page -> {
                    narrowed.set(filtered);
                    rows.setAll(page.rows());
                    // unfiltered, the total is the number of entries the chain covers (checked just after)
                    count.set(
                            filtered
                                    ? Messages.t(
                                            "audit.countFiltered", page.rows().size(), page.matching(), page.total())
                                    : Messages.t("audit.count", page.rows().size(), page.matching()));
                    checkChain(audit::checkNow);
                },
                notices::showError);
    }

    /** The status shown first reads only the entries after the last checkpoint; this walks the whole chain. */
    public void verifyFullChain() {
        checkChain(audit::verifyChain);
    }

    /** Writes what the filters match to {@code file} and says how many entries went. */
    public void export(Path file) {
        AuditFilter filter = filter();
        tasks.run(
                () -> audit.export(filter, file),
                n -> notices.notifySuccess(Messages.t("export.done", n, file.toFile())),
                notices::showError);
    }

    private void checkChain(Callable<AuditVerifier.Result> check) {
        chain.set(Messages.t("audit.chainChecking"));
        tasks.run(
                check,
                r -> {
                    chain.set(r.describe());
                    chainBroken.set(!r.ok());
                },
                notices::showError);
    }

    private AuditFilter filter() {
        return new AuditFilter(username.get(), action.get(), null, record.get(), from.get(), to.get());
    }

    private record Page(List<AuditEntry> rows, int matching, int total) {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
