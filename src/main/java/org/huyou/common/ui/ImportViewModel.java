package org.huyou.common.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Messages;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportField;
import org.huyou.common.io.ImportProblem;
import org.huyou.common.io.ImportTemplates;
import org.huyou.common.io.SheetImporter;

/**
 * Import of any register: choose a file, map its columns, preview it with a row-by-row report, and commit only a
 * file without problems.
 */
public final class ImportViewModel<P extends SheetImporter.Preview> {

    private final SheetImporter<P> importer;
    private final TaskRunner tasks;
    private final StringProperty path = new SimpleStringProperty("");
    // empty until there is something to say: the screen shows its hint above, once
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<P> preview = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty canCommit = new SimpleBooleanProperty(false);
    private final ObservableList<ColumnMappingPane.Choice> mapping = FXCollections.observableArrayList();

    public ImportViewModel(SheetImporter<P> importer, TaskRunner tasks) {
        this.importer = importer;
        this.tasks = tasks;
        // A preview belongs to the file it was made from.
        path.addListener((o, a, b) -> {
            preview.set(null);
            canCommit.set(false);
            mapping.clear();
        });
    }

    /** The mapping step: the file's columns, each with the field guessed for it, for the user to confirm or change. */
    public void loadColumns(Consumer<Throwable> onFailed) {
        String p = path.get() == null ? "" : path.get().strip();
        if (p.isEmpty()) {
            summary.set(Messages.t("import.fileMissing"));
            return;
        }
        busy.set(true);
        tasks.run(
                () -> importer.columns(Path.of(p)),
                columns -> {
                    busy.set(false);
                    mapping.setAll(columns.stream()
                            .map(c -> new ColumnMappingPane.Choice(c.header(), c.field()))
                            .toList());
                    // A change of mapping makes the last preview stale.
                    mapping.forEach(c -> c.fieldProperty().addListener((o, a, b) -> {
                        preview.set(null);
                        canCommit.set(false);
                    }));
                },
                failure -> {
                    busy.set(false);
                    onFailed.accept(failure);
                });
    }

    public ObservableList<ColumnMappingPane.Choice> mapping() {
        return mapping;
    }

    public List<ImportField> fields() {
        return importer.fields();
    }

    public void preview(Consumer<Throwable> onFailed) {
        String p = path.get() == null ? "" : path.get().strip();
        if (p.isEmpty()) {
            summary.set(Messages.t("import.fileMissing"));
            return;
        }
        busy.set(true);
        Map<String, String> chosen = ColumnMappingPane.mapping(mapping);
        tasks.run(
                () -> importer.preview(Path.of(p), chosen),
                result -> {
                    busy.set(false);
                    preview.set(result);
                    problems.setAll(result.problems());
                    canCommit.set(result.valid());
                    summary.set(
                            result.valid()
                                    ? Messages.t("import.summaryValid", result.rowCount())
                                    : Messages.t(
                                                    "import.summaryInvalid",
                                                    result.rowCount(),
                                                    result.invalidRowCount(),
                                                    result.problems().size())
                                            + (HeaderMapping.anyUnknownColumn(result.problems())
                                                    ? " " + Messages.t("import.unknownColumnHint")
                                                    : ""));
                },
                failure -> {
                    busy.set(false);
                    problems.clear();
                    canCommit.set(false);
                    onFailed.accept(failure);
                });
    }

    public void commit(Consumer<Integer> onDone, Consumer<Throwable> onFailed) {
        P p = preview.get();
        if (p == null || !p.valid()) {
            return;
        }
        busy.set(true);
        canCommit.set(false);
        tasks.run(
                () -> importer.commit(p),
                n -> {
                    busy.set(false);
                    summary.set(Messages.t(importer.labels().doneKey(), n));
                    preview.set(null);
                    onDone.accept(n);
                },
                failure -> {
                    busy.set(false);
                    // all or nothing: a refused commit wrote nothing, so the same preview may be committed again once
                    // the
                    // cause is fixed (a first password typed twice differently), unless the file or its mapping changed
                    canCommit.set(preview.get() == p);
                    onFailed.accept(failure);
                });
    }

    /** Copies the template shipped in the jar to where the user chose. */
    public void saveTemplate(Path target, Runnable onDone, Consumer<Throwable> onFailed) {
        tasks.run(
                () -> ImportTemplates.write(importer.labels().template(), target, importer.templateDates()),
                done -> onDone.run(),
                onFailed);
    }

    /** The template's file name as offered for saving. */
    public String templateFileName() {
        return importer.labels().template() + ".xlsx";
    }

    public String title() {
        return Messages.t(importer.labels().titleKey());
    }

    public String doneMessage(int n) {
        return Messages.t(importer.labels().doneKey(), n);
    }

    public StringProperty pathProperty() {
        return path;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty canCommitProperty() {
        return canCommit;
    }
}
