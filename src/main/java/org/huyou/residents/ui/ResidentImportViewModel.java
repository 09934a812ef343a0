package org.huyou.residents.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.io.ImportPreview;
import org.huyou.residents.io.ImportProblem;
import org.huyou.residents.io.ResidentImporter;

/** Import: choose a file, preview it with a row-by-row report, and commit only a file without problems. */
public final class ResidentImportViewModel {

    static final String TEMPLATE = "/org/huyou/templates/residents-template.xlsx";
    private final ResidentImporter importer;
    private final TaskRunner tasks;
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty(Messages.t("import.hint"));
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<ImportPreview> preview = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty canCommit = new SimpleBooleanProperty(false);

    public ResidentImportViewModel(ResidentImporter importer, TaskRunner tasks) {
        this.importer = importer;
        this.tasks = tasks;
        // A preview belongs to the file it was made from.
        path.addListener((o, a, b) -> {
            preview.set(null);
            canCommit.set(false);
        });
    }

    public void preview(Consumer<Throwable> onFailed) {
        String p = path.get() == null ? "" : path.get().strip();
        if (p.isEmpty()) {
            summary.set(Messages.t("import.fileMissing"));
            return;
        }
        busy.set(true);
        tasks.run(() -> importer.preview(Path.of(p)), result -> {
            busy.set(false);
            preview.set(result);
            problems.setAll(result.problems());
            canCommit.set(result.valid());
            summary.set(result.valid()
                    ? Messages.t("import.summaryValid", result.rows().size())
                    : Messages.t("import.summaryInvalid", result.rows().size(), result.invalidRowCount(),
                    result.problems().size()));
        }, failure -> {
            busy.set(false);
            problems.clear();
            canCommit.set(false);
            onFailed.accept(failure);
        });
    }

    public void commit(Consumer<Integer> onDone, Consumer<Throwable> onFailed) {
        ImportPreview p = preview.get();
        if (p == null || !p.valid()) {
            return;
        }
        busy.set(true);
        canCommit.set(false);
        tasks.run(() -> importer.commit(p), n -> {
            busy.set(false);
            summary.set(Messages.t("import.done", n));
            preview.set(null);
            onDone.accept(n);
        }, failure -> {
            busy.set(false);
            onFailed.accept(failure);
        });
    }

    /** Copies the template shipped in the jar to where the user chose. */
    public void saveTemplate(Path target, Runnable onDone, Consumer<Throwable> onFailed) {
        tasks.run(() -> {
            try (InputStream in = ResidentImportViewModel.class.getResourceAsStream(TEMPLATE)) {
                if (in == null) {
                    throw new IOException("template missing from the build: " + TEMPLATE);
                }
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (IOException e) {
                throw new UserFacingException(e, "export.failed", target);
            }
        }, done -> onDone.run(), onFailed);
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
