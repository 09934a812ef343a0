package org.huyou.common.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.print.PageLayout;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.image.ImageView;
import org.huyou.common.Messages;
import org.huyou.common.io.PdfPages;

/**
 * 打印 for the documents the app writes as PDF (receipts, slips, certificates): the file is written and kept as
 * before, then its pages go to the system print dialog. A PC without a printer is told so, with the file's place, so
 * the paper can be printed elsewhere.
 */
public final class DocumentPrinter {

    /** Pages are rendered at this resolution: sharp on paper, one page at a time in memory. */
    private static final float DPI = 150;

    private final TaskRunner tasks;
    private final DialogService dialogs;

    public DocumentPrinter(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /**
     * Writes the document in the background ({@code write} returns its file), then opens the print dialog.
     * {@code writtenKey} is the document's own notice ("收据已生成：{0}"), said whatever becomes of the printing.
     */
    public void writeAndPrint(Callable<Path> write, String writtenKey) {
        tasks.run(write, file -> print(file, Messages.t(writtenKey, file)), dialogs::showError);
    }

    /** The dialog on the JavaFX thread; the pages rendered and sent in the background, where the job may run. */
    private void print(Path file, String written) {
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
        double width = layout.getPrintableWidth();
        double height = layout.getPrintableHeight();
        tasks.run(() -> sendPages(job, file, width, height), sent -> {
            if (sent) {
                dialogs.notifySuccess(Messages.t("print.sent", written));
            } else {
                dialogs.showError(Messages.t("print.failed", written));
            }
        }, failure -> {
            job.cancelJob(); // a page that could not be rendered: no half document on paper
            dialogs.showError(Messages.t("print.failed", written));
        });
    }

    /** Every page of the file, in turn; false when the printer refused one (the job is then cancelled). */
    private static boolean sendPages(PrinterJob job, Path file, double width, double height) throws Exception {
        boolean all = PdfPages.eachPage(file, DPI, page -> {
            ImageView view = new ImageView(FxImages.of(page));
            view.setPreserveRatio(true);
            view.setFitWidth(width);
            view.setFitHeight(height);
            return job.printPage(view);
        });
        if (!all) {
            job.cancelJob();
            return false;
        }
        return job.endJob();
    }
}
