package org.huyou.common.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.huyou.common.Messages;
import org.huyou.common.io.PdfPages;

/**
 * 打印 for the documents the app writes as PDF (receipts, slips, certificates): the file is written and kept as
 * before, then its pages go to the system print dialog. A PC without a printer is told so, with the file's place, so
 * the paper can be printed elsewhere.
 */
public final class DocumentPrinter {

    /** Pages are rendered at this resolution: sharp on paper, small enough for a few pages in memory. */
    private static final float DPI = 150;
    /** Receipts, slips and certificates are a page or two; a longer document is printed from the PDF reader. */
    private static final int MAX_PAGES = 20;

    private final TaskRunner tasks;
    private final DialogService dialogs;

    public DocumentPrinter(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** The written file and its pages. */
    private record Rendered(Path file, List<BufferedImage> pages) {
    }

    /**
     * Writes the document in the background ({@code write} returns its file), then opens the print dialog.
     * {@code writtenKey} is the document's own notice ("收据已生成：{0}"), said whatever becomes of the printing.
     */
    public void writeAndPrint(Callable<Path> write, String writtenKey) {
        tasks.run(() -> {
            Path file = write.call();
            return new Rendered(file, PdfPages.render(file, DPI, MAX_PAGES));
        }, r -> print(r, writtenKey), dialogs::showError);
    }

    private void print(Rendered r, String writtenKey) {
        String written = Messages.t(writtenKey, r.file());
        PrinterJob job = Printer.getDefaultPrinter() == null ? null : PrinterJob.createPrinterJob();
        if (job == null) {
            dialogs.notifySuccess(Messages.t("print.noPrinter", written));
            return;
        }
        if (!job.showPrintDialog(dialogs.owner())) {
            job.cancelJob();
            dialogs.notifySuccess(written);
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        for (BufferedImage page : r.pages()) {
            ImageView view = new ImageView(fx(page));
            view.setPreserveRatio(true);
            view.setFitWidth(layout.getPrintableWidth());
            view.setFitHeight(layout.getPrintableHeight());
            if (!job.printPage(view)) {
                job.cancelJob();
                dialogs.showError(Messages.t("print.failed", written));
                return;
            }
        }
        job.endJob();
        dialogs.notifySuccess(Messages.t("print.sent", written));
    }

    /** A JavaFX image of the page (javafx-swing, which would do this, is not among the app's libraries). */
    static WritableImage fx(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] argb = page.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
