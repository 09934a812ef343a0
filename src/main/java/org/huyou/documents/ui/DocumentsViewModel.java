package org.huyou.documents.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;
import org.huyou.documents.CareEntry;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.residents.ui.FilePartViewModel;

/**
 * The documents tab's state and commands (ADR 0014): the resident shown, loaded in the background (a result for a
 * resident no longer shown is dropped), the documents with their links and the entries one may link to; the form's
 * kind, title, dates, link and reduction; files added each on its own, a new version, a link, a saved copy, a void.
 * The choosers, the drop, the viewer and the thumbnails stay with the View ({@link DocumentsPart}).
 */
final class DocumentsViewModel extends FilePartViewModel<DocumentsViewModel.Loaded> {

    /** What the tab shows of a resident: the documents, their links, and the entries one may link to. */
    record Loaded(List<Document> documents, Map<Long, List<CareEntry.Target>> links, List<CareEntry.Target> targets) {}

    private final DocumentService documents;
    private final Clock clock;
    private final boolean canCreate;
    private final ObservableList<Document> rows = FXCollections.observableArrayList();
    private final ObservableList<CareEntry.Target> targets = FXCollections.observableArrayList();
    private Map<Long, List<CareEntry.Target>> links = Map.of();

    final ObjectProperty<Document> selected = new SimpleObjectProperty<>();
    final ObjectProperty<DocumentKind> kind = new SimpleObjectProperty<>();
    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<LocalDate> paperDate = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> validUntil = new SimpleObjectProperty<>();
    final ObjectProperty<CareEntry.Target> link = new SimpleObjectProperty<>();
    final BooleanProperty reduce = new SimpleBooleanProperty(false);

    DocumentsViewModel(DocumentService documents, TaskRunner tasks, Notices notices, Clock clock, boolean canCreate) {
        super(tasks, notices);
        this.documents = documents;
        this.clock = clock;
        this.canCreate = canCreate;
    }

    @Override
    protected Loaded load(long id) {
        return new Loaded(
                documents.documents(id), documents.links(id), canCreate ? documents.linkTargets(id) : List.of());
    }

    @Override
    protected void clear() {
        links = Map.of();
        targets.clear();
        rows.clear();
    }

    @Override
    protected void fill(Loaded loaded) {
        links = loaded.links();
        CareEntry.Target chosen = link.get();
        targets.setAll(loaded.targets());
        link.set(loaded.targets().contains(chosen) ? chosen : null);
        rows.setAll(loaded.documents());
    }

    /** Something changed for this resident: the tab reloads and the file is told. */
    /**
     * Adds the files with the form's kind and dates, in the background, each on its own: a refused file (too large,
     * not a scan) is named in the message and the others are kept. A blank title takes each file's name.
     */
    void addFiles(List<Path> files) {
        if (residentId() == null || files.isEmpty() || !formAccepted()) {
            return;
        }
        long resident = residentId();
        CareEntry.Target linkTo = link.get();
        List<DocumentService.Details> details = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            details.add(new DocumentService.Details(
                    kind.get(),
                    titleFor(files.get(i), i, files.size()),
                    paperDate.get(),
                    validUntil.get(),
                    reduce.get()));
        }
        tasks.run(
                () -> {
                    List<String> refused = new ArrayList<>();
                    int added = 0;
                    for (int i = 0; i < files.size(); i++) {
                        try {
                            documents.add(resident, details.get(i), files.get(i), linkTo);
                            added++;
                        } catch (UserFacingException e) {
                            refused.add(e.userMessage());
                        }
                    }
                    return new Outcome(added, refused);
                },
                outcome -> {
                    if (outcome.added() > 0) {
                        title.set("");
                        link.set(null);
                        notices.notifySuccess(Messages.t("document.addedCount", outcome.added()));
                    }
                    changed();
                    if (!outcome.refused().isEmpty()) {
                        notices.showError(
                                new UserFacingException("document.refusedFiles", String.join("\n", outcome.refused())));
                    }
                },
                notices::showError);
    }

    private record Outcome(int added, List<String> refused) {}

    /**
     * Whether the form may take files. A missing kind or a date in the future is refused, naming the field, before
     * the user chooses a file (or drops one): refused after, the choosing was wasted, once for every file.
     */
    boolean formAccepted() {
        try {
            documents.checkForm(new DocumentService.Details(
                    kind.get(), title.get(), paperDate.get(), validUntil.get(), reduce.get()));
            return true;
        } catch (UserFacingException e) {
            notices.showError(e);
            return false;
        }
    }

    private String titleFor(Path file, int index, int count) {
        String typed = title.get() == null ? "" : title.get().strip();
        if (typed.isEmpty()) {
            String name = String.valueOf(file.getFileName());
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        return count == 1 ? typed : typed + " " + (index + 1);
    }

    /**
     * A new version of {@code old} from {@code file}: its kind kept, the form's title and dates where filled in; the
     * service keeps the old version's for those left blank. The title is cleared afterwards.
     */
    void replace(Document old, String reason, Path file) {
        DocumentService.Details details =
                new DocumentService.Details(old.kind(), title.get(), paperDate.get(), validUntil.get());
        save(() -> documents.replace(old.id(), reason, details, file), () -> title.set(""));
    }

    /** Links the document to the entry in the background; the list shows the link afterwards. */
    void link(Document d, CareEntry.Target target) {
        save(
                () -> {
                    documents.link(d.id(), target.entry(), target.id());
                    return null;
                },
                () -> {});
    }

    /** Saves a copy into {@code folder} in the background and says where. */
    void saveCopy(Document d, Path folder) {
        tasks.run(
                () -> documents.export(d.id(), folder),
                out -> notices.notifySuccess(Messages.t("document.savedCopy", out)),
                notices::showError);
    }

    /** Off the JavaFX thread (the VoidButton's work): the document voided with the reason given. */
    void voidDocument(Document d, String reason) {
        documents.voidDocument(d.id(), reason);
    }

    /** The work the View hands the printer: the document made printable. */
    Callable<byte[]> printable(Document d) {
        return () -> documents.printable(d.id());
    }

    /** The valid-until date, with 已过期 or 即将到期 unless voided. */
    String validity(Document d) {
        if (d.validUntil() == null) {
            return "";
        }
        LocalDate today = LocalDate.now(clock);
        String mark = switch (d.voided() ? Document.Expiry.NONE : d.expiry(today, DocumentService.EXPIRY_DAYS)) {
            case EXPIRED -> " " + Messages.t("document.markExpired");
            case EXPIRING -> " " + Messages.t("document.markExpiring");
            case NONE -> "";
        };
        return Dates.format(d.validUntil()) + mark;
    }

    /** The entries a document is linked to, by their labels. */
    String linkedLabels(Document d) {
        return String.join(
                Messages.t("common.listSeparator"),
                links.getOrDefault(d.id(), List.of()).stream()
                        .map(CareEntry.Target::label)
                        .toList());
    }

    /** True while the selected document cannot be linked: none, voided, or nothing to link it to. */
    boolean cannotLink() {
        Document d = selected.get();
        return d == null || d.voided() || targets.isEmpty();
    }

    ObservableList<Document> documents() {
        return rows;
    }

    ObservableList<CareEntry.Target> targets() {
        return targets;
    }
}
