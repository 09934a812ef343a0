package org.huyou.documents.ui;

import java.io.IOException;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.huyou.common.Messages;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.FxImages;
import org.huyou.common.ui.TaskRunner;
import org.huyou.documents.ContentType;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentService;
import org.huyou.documents.SealedScratch;

/**
 * Shows a document inside the app, no outside program needed (none would see the encrypted home anyway): an image
 * zoomable, a PDF one page at a time, each page rendered by PDFBox on a background thread. The PDF is read from a
 * {@link SealedScratch} (an encrypted temporary file deleted when the viewer closes), never whole in memory and never
 * written to disk in plain text.
 */
final class DocumentViewer {

    /** Pages are rendered at this resolution; zoom scales the rendered page. */
    private static final float DPI = 110;

    private static final double STEP = 1.25;

    private final DocumentService documents;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ImageView view = new ImageView();
    private final Label page = new Label();
    private final Button previous = new Button(Messages.t("document.prevPage"));
    private final Button next = new Button(Messages.t("document.nextPage"));
    private final ScrollPane scroll = new ScrollPane(view);
    private double zoom = 1;
    private PDDocument pdf;
    private int pageIndex;
    private int pages = 1;
    private boolean closed;
    private String title = "";

    DocumentViewer(DocumentService documents, TaskRunner tasks, DialogService dialogs) {
        this.documents = documents;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Opens the viewer on the document; its bytes are read (and the reading audited) in the background. */
    void show(Document d) {
        title = d.title();
        Dialog<Void> dialog = dialogs.dialog();
        dialog.setTitle(Messages.t("document.viewerTitle", d.title()));
        dialog.setResizable(true);
        view.setId("documentImage");
        view.setPreserveRatio(true);
        scroll.setPrefSize(760, 520);
        scroll.setPannable(true);
        Button in = new Button(Messages.t("document.zoomIn"));
        in.setId("zoomIn");
        in.setOnAction(e -> zoom(zoom * STEP));
        Button out = new Button(Messages.t("document.zoomOut"));
        out.setId("zoomOut");
        out.setOnAction(e -> zoom(zoom / STEP));
        Button fit = new Button(Messages.t("document.zoomFit"));
        fit.setOnAction(e -> fit());
        previous.setId("previousPage");
        next.setId("nextPage");
        previous.setOnAction(e -> render(pageIndex - 1));
        next.setOnAction(e -> render(pageIndex + 1));
        page.setId("documentPage");
        page.setText(Messages.t("document.rendering"));
        boolean isPdf = d.contentType() == ContentType.PDF;
        previous.setVisible(isPdf);
        next.setVisible(isPdf);
        HBox bar = new HBox(6, out, in, fit, previous, next, page);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(6, bar, scroll);
        content.setPadding(new Insets(4));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("documentViewer");
        dialog.getDialogPane()
                .getButtonTypes()
                .add(new ButtonType(Messages.t("document.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnHidden(e -> close());
        dialog.show();
        if (isPdf) {
            tasks.run(
                    () -> documents.open(d.id(), SealedScratch::loadPdf),
                    loaded -> {
                        pdf = loaded;
                        if (closed) {
                            close(); // closed while it loaded
                            return;
                        }
                        pages = loaded.getNumberOfPages();
                        render(0);
                    },
                    dialogs::showError);
        } else {
            tasks.run(
                    () -> documents.open(
                            d.id(),
                            stream -> d.contentType() == ContentType.TIFF
                                    ? FxImages.of(ImageIO.read(stream))
                                    : new Image(stream)),
                    this::shown,
                    dialogs::showError);
        }
    }

    /** Renders one page off the JavaFX thread; the renderer is not thread-safe, so one page at a time. */
    private void render(int index) {
        if (pdf == null || index < 0 || index >= pages) {
            return;
        }
        PDDocument doc = pdf;
        previous.setDisable(true);
        next.setDisable(true);
        tasks.run(
                () -> {
                    synchronized (doc) {
                        return FxImages.of(SealedScratch.renderer(doc).renderImageWithDPI(index, DPI));
                    }
                },
                image -> {
                    pageIndex = index;
                    page.setText(Messages.t("document.page", index + 1, pages));
                    previous.setDisable(index == 0);
                    next.setDisable(index >= pages - 1);
                    shown(image);
                },
                dialogs::showError);
    }

    private void shown(Image image) {
        if (image == null || image.isError()) {
            dialogs.showError(Messages.t("document.unreadable", title));
            return;
        }
        view.setImage(image);
        if (pdf == null) {
            page.setText("");
        }
        zoom(zoom);
    }

    private void zoom(double factor) {
        zoom = Math.max(0.1, Math.min(8, factor));
        Image image = view.getImage();
        if (image != null) {
            view.setFitWidth(image.getWidth() * zoom);
        }
    }

    private void fit() {
        Image image = view.getImage();
        if (image != null && image.getWidth() > 0) {
            zoom(Math.min(
                    scroll.getViewportBounds().getWidth() / image.getWidth(),
                    scroll.getViewportBounds().getHeight() / image.getHeight()));
        }
    }

    private void close() {
        closed = true;
        if (pdf != null) {
            PDDocument doc = pdf;
            pdf = null;
            // closing deletes the scratch file: file work, off the JavaFX thread
            tasks.run(
                    () -> {
                        closeQuietly(doc);
                        return true;
                    },
                    done -> {},
                    dialogs::showError);
        }
    }

    private static void closeQuietly(PDDocument doc) {
        try {
            synchronized (doc) {
                doc.close();
            }
        } catch (IOException ignored) {
            // the sealed scratch file is deleted by the document's closing; what remains is unreadable without its key
        }
    }
}
