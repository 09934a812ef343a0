package org.huyou.documents.ui;

import static org.huyou.common.ui.InlineForms.choice;
import static org.huyou.common.ui.InlineForms.date;
import static org.huyou.common.ui.InlineForms.heading;
import static org.huyou.common.ui.InlineForms.labelled;
import static org.huyou.common.ui.InlineForms.row;
import static org.huyou.common.ui.InlineForms.table;
import static org.huyou.common.ui.InlineForms.text;
import static org.huyou.common.ui.InlineForms.voidMark;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.common.ui.Columns;
import org.huyou.common.ui.DateField;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.DocumentPrinter;
import org.huyou.common.ui.FxImages;
import org.huyou.common.ui.Icons;
import org.huyou.common.ui.InlineForms;
import org.huyou.common.ui.TableRows;
import org.huyou.common.ui.TaskRunner;
import org.huyou.common.ui.VoidButton;
import org.huyou.documents.CareEntry;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.residents.ui.ResidentFilePart;
import org.huyou.security.Accounts;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.CurrentUser;

/**
 * The 材料 Documents tab of the resident's file: the list (expired and expiring marked in words), adding files by
 * choosing or dropping several at once, the viewer, a saved copy, a new version, a void. The View of
 * {@link DocumentsViewModel}: the controls, the choosers and the drop, the viewer, the thumbnails and the link's
 * question.
 */
public final class DocumentsPart implements ResidentFilePart {

    private final DocumentsViewModel model;
    private final DocumentService documents;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DocumentPrinter printer;
    private final TableView<Document> table = table("documentTable", 260, "document.none");
    private final ComboBox<DocumentKind> kind = choice("documentKind", null, DocumentKind.values());
    private final TextField title = text("documentTitle", "document.title");
    private final DateField paperDate = date("documentPaperDate", "document.paperDate", null);
    private final DateField validUntil = date("documentValidUntil", "document.validUntil", null);
    private final ComboBox<CareEntry.Target> link = new ComboBox<>();
    private final CheckBox reduce = new CheckBox(Messages.t("document.reduce", DocumentService.REDUCED_SIDE));
    private final boolean canCreate;
    private final VBox root;
    /** The thumbnails' longer side, in pixels. */
    static final int THUMB = 48;

    public DocumentsPart(
            DocumentService documents, TaskRunner tasks, DialogService dialogs, CurrentUser user, Clock clock) {
        this.documents = documents;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.printer = new DocumentPrinter(tasks, dialogs);
        canCreate = user.can(AppModule.DOCUMENTS, Action.CREATE);
        model = new DocumentsViewModel(documents, tasks, dialogs, clock, canCreate);
        table.setItems(model.documents());
        TableRows.follow(table, model.selected);
        kind.valueProperty().bindBidirectional(model.kind);
        title.textProperty().bindBidirectional(model.title);
        paperDate.valueProperty().bindBidirectional(model.paperDate);
        validUntil.valueProperty().bindBidirectional(model.validUntil);
        link.setItems(model.targets());
        link.valueProperty().bindBidirectional(model.link);
        reduce.selectedProperty().bindBidirectional(model.reduce);
        table.getColumns().add(thumbnails());
        table.getColumns()
                .add(Columns.text("document.kind", d -> d.kind().label() + voidMark(d.voided(), d.voidReason()), 150));
        table.getColumns().add(Columns.text("document.title", Document::title, 200));
        table.getColumns().add(Columns.text("document.paperDate", d -> Dates.format(d.paperDate()), 100));
        table.getColumns().add(Columns.text("document.validUntil", model::validity, 150));
        table.getColumns()
                .add(Columns.text(
                        "document.fileCol",
                        d -> d.contentType().name() + " "
                                + Messages.t("document.sizeValue", Math.max(1, (d.size() + 1023) / 1024)),
                        110));
        table.getColumns()
                .add(Columns.text(
                        "document.added",
                        d -> Accounts.displayName(d.createdBy()) + " "
                                + Dates.format(d.createdAt().toLocalDate()),
                        150));
        table.getColumns().add(Columns.text("document.linkedCol", model::linkedLabels, 180));
        TableRows.open(table, this::view);
        if (canCreate) {
            acceptDroppedFiles();
        }
        root = InlineForms.scrolled(
                heading("document.list"), addForm(canCreate), table, actions(user), hint(canCreate));
        root.getProperties().put(DocumentsPart.class, this);
    }

    /**
     * The thumbnail column: each picture made in the background when its row is first shown, kept in memory only
     * (a document's bytes never change, so a made picture stays right), never written to disk.
     */
    private TableColumn<Document, Document> thumbnails() {
        TableColumn<Document, Document> c = new TableColumn<>(Messages.t("document.thumbCol"));
        c.setPrefWidth(THUMB + 16);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ImageView view = new ImageView();

            @Override
            protected void updateItem(Document d, boolean empty) {
                super.updateItem(d, empty);
                setText(null);
                if (empty || d == null) {
                    setGraphic(null);
                    return;
                }
                view.setImage(thumbnail(d));
                setGraphic(view);
            }
        });
        return c;
    }

    /** The document's thumbnail if made; otherwise null, and it is made in the background (once). */
    private Image thumbnail(Document d) {
        if (thumbs.containsKey(d.id())) {
            return thumbs.get(d.id());
        }
        thumbs.put(d.id(), null); // asked for: not again, also when it cannot be made
        tasks.run(
                () -> FxImages.of(documents.thumbnail(d.id(), THUMB)),
                image -> {
                    thumbs.put(d.id(), image);
                    table.refresh();
                },
                failed -> {}); // no picture for a paper PDFBox or ImageIO cannot read: the row still says what it is
        return null;
    }

    /** Thumbnails made, by document id; bounded, the oldest dropped first. */
    private final Map<Long, Image> thumbs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > 300;
        }
    };

    /** The part a node of its tab belongs to (tests hand it files as the chooser or a drop would). */
    static DocumentsPart of(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getProperties().get(DocumentsPart.class) instanceof DocumentsPart p) {
                return p;
            }
        }
        throw new IllegalArgumentException("not in a documents tab: " + node);
    }

    private Node addForm(boolean visible) {
        title.setPrefColumnCount(18);
        Button add = new Button(Messages.t("document.add"), Icons.IMPORT.icon());
        add.setId("addDocuments");
        add.setOnAction(e -> {
            paperDate.commitText();
            validUntil.commitText();
            if (!model.formAccepted()) {
                return;
            }
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            Messages.t("document.filter"),
                            "*.pdf",
                            "*.PDF",
                            "*.jpg",
                            "*.jpeg",
                            "*.JPG",
                            "*.JPEG",
                            "*.png",
                            "*.PNG",
                            "*.tif",
                            "*.tiff",
                            "*.TIF",
                            "*.TIFF",
                            "*.heic",
                            "*.HEIC"));
            List<File> chosen = chooser.showOpenMultipleDialog(dialogs.owner());
            if (chosen != null) {
                addFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        link.setId("documentLink");
        reduce.setId("documentReduce");
        reduce.setTooltip(new Tooltip(Messages.t("document.reduceTip")));
        link.setPromptText(Messages.t("document.noLink"));
        link.setPrefWidth(220);
        return row(
                visible,
                labelled("document.kind", kind),
                labelled("document.title", title), // a label in front, as its neighbours: a hint went once typed in
                labelled("document.paperDate", paperDate),
                labelled("document.validUntil", validUntil),
                labelled("document.link", link),
                reduce,
                add);
    }

    private Node hint(boolean visible) {
        Label l = new Label(Messages.t("document.dropHint"));
        l.setWrapText(true);
        l.setVisible(visible);
        l.setManaged(visible);
        return l;
    }

    private Node actions(CurrentUser user) {
        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        Button view = new Button(Messages.t("document.view"), Icons.PREVIEW.icon());
        view.setId("viewDocument");
        view.disableProperty().bind(none);
        view.setOnAction(e -> view(table.getSelectionModel().getSelectedItem()));
        Button copy = new Button(Messages.t("document.saveCopy"), Icons.EXPORT.icon());
        copy.setId("saveDocumentCopy");
        copy.disableProperty().bind(none);
        boolean canExport = user.can(AppModule.DOCUMENTS, Action.EXPORT);
        copy.setVisible(canExport);
        copy.setManaged(canExport);
        copy.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File folder = chooser.showDialog(dialogs.owner());
            if (folder != null) {
                saveCopy(table.getSelectionModel().getSelectedItem(), folder.toPath());
            }
        });
        Button print = new Button(Messages.t("document.print"));
        print.setId("printDocument");
        print.disableProperty().bind(none);
        print.setVisible(canExport);
        print.setManaged(canExport);
        print.setOnAction(e -> {
            Document d = table.getSelectionModel().getSelectedItem();
            printer.printMade(d.title(), model.printable(d));
        });
        Button replace = new Button(Messages.t("document.replace"), Icons.EDIT.icon());
        replace.setId("replaceDocument");
        replace.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            Document d = table.getSelectionModel().getSelectedItem();
                            return d == null || d.voided();
                        },
                        table.getSelectionModel().selectedItemProperty()));
        // Replacing voids the old version: only those who may void documents (and add them) see it.
        boolean canReplace = user.can(AppModule.DOCUMENTS, Action.CREATE) && user.can(AppModule.DOCUMENTS, Action.VOID);
        replace.setVisible(canReplace);
        replace.setManaged(canReplace);
        replace.setOnAction(e -> {
            Document old = table.getSelectionModel().getSelectedItem();
            dialogs.askReason(
                            Messages.t("document.replaceTitle"),
                            Messages.t("document.replaceText"),
                            Messages.t("document.replaceReason"),
                            Messages.t("document.replace"))
                    .ifPresent(reason -> {
                        FileChooser chooser = new FileChooser();
                        File file = chooser.showOpenDialog(dialogs.owner());
                        if (file != null) {
                            replace(old, reason, file.toPath());
                        }
                    });
        });
        Button linkIt = new Button(Messages.t("document.linkAction"), Icons.LINK.icon());
        linkIt.setId("linkDocument");
        linkIt.disableProperty()
                .bind(Bindings.createBooleanBinding(model::cannotLink, model.selected, model.targets()));
        linkIt.setVisible(canCreate);
        linkIt.setManaged(canCreate);
        linkIt.setOnAction(e -> chooseLink(table.getSelectionModel().getSelectedItem()));
        Button voidIt = VoidButton.under(
                table,
                user.can(AppModule.DOCUMENTS, Action.VOID),
                Document::voided,
                model::voidDocument,
                tasks,
                dialogs,
                model::changed);
        return row(true, view, copy, print, linkIt, replace, voidIt);
    }

    /** Files dropped on the list are added as the chooser's would be. */
    private void acceptDroppedFiles() {
        table.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && model.residentId() != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        table.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Adds the files with the form's kind and dates, as {@link DocumentsViewModel#addFiles} says. */
    void addFiles(List<Path> files) {
        paperDate.commitText();
        validUntil.commitText();
        model.addFiles(files);
    }

    /** A new version of {@code old} from {@code file}, as {@link DocumentsViewModel#replace} says. */
    void replace(Document old, String reason, Path file) {
        paperDate.commitText();
        validUntil.commitText();
        model.replace(old, reason, file);
    }

    /** Asks which care entry to link the document to (the resident's, newest first), then links it. */
    private void chooseLink(Document d) {
        ComboBox<CareEntry.Target> choice = new ComboBox<>();
        choice.setId("linkChoice");
        choice.getItems().setAll(link.getItems());
        choice.getSelectionModel().selectFirst();
        ButtonType ok = new ButtonType(Messages.t("document.linkAction"), ButtonBar.ButtonData.OK_DONE);
        Dialog<CareEntry.Target> ask = dialogs.dialog();
        ask.setTitle(Messages.t("document.linkTitle"));
        ask.getDialogPane().setId("linkDocumentDialog");
        ask.getDialogPane().setContent(new VBox(8, new Label(Messages.t("document.linkText", d.title())), choice));
        ask.getDialogPane()
                .getButtonTypes()
                .addAll(ok, new ButtonType(Messages.t("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        ask.setResultConverter(b -> b == ok ? choice.getValue() : null);
        ask.showAndWait().ifPresent(target -> link(d, target));
    }

    void link(Document d, CareEntry.Target target) {
        model.link(d, target);
    }

    void saveCopy(Document d, Path folder) {
        model.saveCopy(d, folder);
    }

    void view(Document d) {
        new DocumentViewer(documents, tasks, dialogs).show(d);
    }

    @Override
    public void show(Long residentId) {
        model.show(residentId);
    }

    @Override
    public void setOnChanged(Runnable onChanged) {
        model.setOnChanged(onChanged);
    }

    @Override
    public String title() {
        return Messages.t("careDomain.DOCUMENTS");
    }

    @Override
    public Node node() {
        return root;
    }
}
