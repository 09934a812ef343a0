package org.huyou.common.ui;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PdfPages;
import org.huyou.common.io.SystemPrinter;

/**
 * 打印 for everything the app prints: the system print dialog chooses the printer and the copies, then
 * {@link SystemPrinter} sends the pages and the screen says "sent" only once the system took them (JavaFX's own job
 * says so before, and on a Linux PC without {@code lpr} it lost every page). A PC without a printer is told so.
 */
public final class DocumentPrinter {

    /** A sheet drawn on screen is printed at this many pixels per screen pixel: sharp on paper. */
    private static final double SHEET_SCALE = 3;

    /** A notice offering to open what was written stays long enough to reach its buttons. */
    private static final double OPEN_OFFER_SECONDS = 10;

    private final TaskRunner tasks;
    private final DialogService dialogs;

    public DocumentPrinter(TaskRunner tasks, DialogService dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /**
     * Writes the document in the background ({@code write} returns its file) and prints nothing: {@code say} gets the
     * sentence naming where it was saved ({@code writtenKey}, e.g. "收据已保存到 {0}。"), or why it was not.
     */
    public void write(Callable<Path> write, String writtenKey, Consumer<String> say) {
        tasks.run(
                write,
                file -> {
                    String written = Messages.t(writtenKey, file);
                    say.accept(written);
                    offerToOpen(written, file);
                },
                failure -> {
                    say.accept(Messages.t("print.notWritten", UserFacingException.describe(failure)));
                    dialogs.showError(failure);
                });
    }

    /**
     * Writes the document in the background ({@code write} returns its file), then opens the print dialog.
     * {@code say} gets one sentence of what became of it, kept on the screen (a notice fades): where it was saved
     * ({@code writtenKey}) and to which printer it went, or that it was not printed and why.
     */
    public void writeAndPrint(Callable<Path> write, String writtenKey, Consumer<String> say) {
        tasks.run(
                write,
                file -> {
                    String written = Messages.t(writtenKey, file);
                    send(
                            file.getFileName().toString(),
                            () -> () -> Files.newInputStream(file),
                            new Said(
                                    () -> tell(say, Messages.t("print.noPrinter", written), file),
                                    () -> tell(say, Messages.t("print.cancelled", written), file),
                                    printer -> tell(say, Messages.t("print.sent", written, printer), file),
                                    why -> {
                                        String failed = Messages.t("print.failed", written, why);
                                        say.accept(failed);
                                        dialogs.showError(failed);
                                    }));
                },
                failure -> {
                    say.accept(Messages.t("print.notWritten", UserFacingException.describe(failure)));
                    dialogs.showError(failure);
                });
    }

    private void tell(Consumer<String> say, String sentence, Path file) {
        say.accept(sentence);
        offerToOpen(sentence, file);
    }

    /** The notice of a written file, with 打开 and 打开所在文件夹: the file is where the user can see it at once. */
    private void offerToOpen(String sentence, Path file) {
        dialogs.notifyWithActions(
                sentence,
                OPEN_OFFER_SECONDS,
                new DialogService.NoticeAction(Messages.t("file.open"), () -> open(file)),
                new DialogService.NoticeAction(Messages.t("file.openFolder"), () -> open(file.getParent())));
    }

    /** Opens a file or folder with the system's own program, in the background (the system may take its time). */
    public void open(Path fileOrFolder) {
        tasks.run(
                () -> {
                    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                        throw new UserFacingException("file.cannotOpen", fileOrFolder);
                    }
                    Desktop.getDesktop().open(fileOrFolder.toFile());
                    return Boolean.TRUE;
                },
                opened -> {},
                failure -> dialogs.showError(
                        failure instanceof UserFacingException
                                ? failure
                                : new UserFacingException(failure, "file.cannotOpen", fileOrFolder)));
    }

    /**
     * Prints a PDF that {@code make} produces in the background once a printer is chosen (a stored document, read out
     * of the encrypted archive only for the paper); the outcome is said naming {@code name}.
     */
    public void printMade(String name, Callable<byte[]> make) {
        send(
                name,
                () -> {
                    byte[] pdf = make.call();
                    return () -> new ByteArrayInputStream(pdf);
                },
                new Said(
                        () -> dialogs.notifySuccess(Messages.t("print.noPrinterFor", name)),
                        () -> {},
                        printer -> dialogs.notifySuccess(Messages.t("print.sentFor", name, printer)),
                        why -> dialogs.showError(Messages.t("print.failedFor", name, why))));
    }

    /**
     * Prints {@code sheet} (a node not shown on screen) as one page, straight to paper: no file of it is written (the
     * recovery key). {@code say} gets the sentence for the screen: {@code noPrinterKey}, {@code sentKey}, or why not.
     */
    public void printSheet(Node sheet, String jobName, String noPrinterKey, String sentKey, Consumer<String> say) {
        WritableImage drawn = snapshot(sheet);
        int w = (int) drawn.getWidth();
        int h = (int) drawn.getHeight();
        int[] argb = new int[w * h];
        drawn.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        send(
                jobName,
                () -> {
                    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    image.setRGB(0, 0, w, h, argb, 0, w);
                    // a screen pixel is 1/96 inch, a PDF point 1/72
                    byte[] pdf = PdfPages.onePage(image, 72.0 / 96 / SHEET_SCALE);
                    return () -> new ByteArrayInputStream(pdf);
                },
                new Said(
                        () -> say.accept(Messages.t(noPrinterKey)),
                        () -> say.accept(""),
                        printer -> say.accept(Messages.t(sentKey)),
                        say));
    }

    /** What the screen says of each outcome; {@code sent} gets the printer's name, {@code failed} the reason. */
    private record Said(Runnable noPrinter, Runnable cancelled, Consumer<String> sent, Consumer<String> failed) {}

    /** A PDF to send, made in the background: a file, or bytes in memory. */
    @FunctionalInterface
    private interface PdfToSend {
        SystemPrinter.PdfSource make() throws Exception;
    }

    /**
     * The printers looked up in the background (the system may ask a network printer), the dialog on the JavaFX
     * thread, the PDF made and sent in the background, where the system may refuse it.
     */
    private void send(String jobName, PdfToSend pdf, Said said) {
        tasks.run(
                DocumentPrinter::hasPrinter,
                has -> {
                    if (has) {
                        chooseAndSend(jobName, pdf, said);
                    } else {
                        said.noPrinter().run();
                    }
                },
                failure -> said.noPrinter().run());
    }

    private void chooseAndSend(String jobName, PdfToSend pdf, Said said) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            said.noPrinter().run();
            return;
        }
        job.getJobSettings().setJobName(jobName);
        boolean chosen = job.showPrintDialog(dialogs.owner());
        String printer = job.getPrinter().getName();
        int copies = job.getJobSettings().getCopies();
        job.cancelJob(); // the dialog only chose: the pages go through SystemPrinter, which knows if they arrived
        if (!chosen) {
            said.cancelled().run();
            return;
        }
        tasks.run(
                () -> {
                    SystemPrinter.print(pdf.make(), printer, copies, jobName);
                    return Boolean.TRUE;
                },
                sent -> said.sent().accept(printer),
                failure -> said.failed().accept(UserFacingException.describe(failure)));
    }

    /** A printer to offer: none on a PC without one, nor where no window can show the system's print dialog. */
    private static boolean hasPrinter() {
        return !GraphicsEnvironment.isHeadless() && Printer.getDefaultPrinter() != null;
    }

    private static WritableImage snapshot(Node sheet) {
        StackPane page = new StackPane(sheet);
        page.setStyle("-fx-background-color: white;");
        new Scene(page); // CSS and fonts applied as on screen
        page.applyCss();
        page.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(SHEET_SCALE, SHEET_SCALE));
        return page.snapshot(parameters, null);
    }
}
