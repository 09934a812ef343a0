package org.huyou.common.io;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.huyou.common.UserFacingException;

/**
 * Sends a PDF to one of the system's printers and says so only when the system took it. JavaFX's own print job
 * reports "done" before the system has the pages: on Linux, Java hands every job to the {@code lpr} command, and a
 * PC without it lost every page while the screen said 已送往打印机. Here a refusal is an exception the screen shows.
 * A printer that takes PDF (CUPS) gets the file as it is; any other (Windows) gets the pages drawn by PDFBox.
 */
public final class SystemPrinter {

    /** How a PDF is read, once per attempt: a file, or bytes that never touch the disk (the recovery key's sheet). */
    @FunctionalInterface
    public interface PdfSource {
        InputStream open() throws IOException;
    }

    private SystemPrinter() {}

    /**
     * Prints {@code copies} of the PDF on the printer named {@code printerName} (as the print dialog names it), as
     * job {@code jobName}. Throws a {@link UserFacingException} when the printer is gone or the system refuses the
     * job, naming why.
     */
    public static void print(PdfSource pdf, String printerName, int copies, String jobName) throws IOException {
        PrintService service = Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null))
                .filter(s -> s.getName().equals(printerName))
                .findFirst()
                .orElseThrow(() -> new UserFacingException("print.printerGone", printerName));
        try {
            if (service.isDocFlavorSupported(DocFlavor.INPUT_STREAM.PDF)) {
                printAsIs(service, pdf, Math.max(1, copies), jobName);
            } else {
                printPages(service, pdf, Math.max(1, copies), jobName);
            }
        } catch (PrintException | PrinterException refused) {
            throw refusal(refused);
        }
    }

    private static void printAsIs(PrintService service, PdfSource pdf, int copies, String jobName)
            throws IOException, PrintException {
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new Copies(copies));
        attributes.add(new JobName(jobName, null));
        DocPrintJob job = service.createPrintJob();
        try (InputStream in = pdf.open()) {
            job.print(new SimpleDoc(in, DocFlavor.INPUT_STREAM.PDF, null), attributes);
        }
    }

    private static void printPages(PrintService service, PdfSource pdf, int copies, String jobName)
            throws IOException, PrinterException {
        try (InputStream in = pdf.open();
                PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(jobName);
            job.setCopies(copies);
            job.setPageable(new PDFPageable(document));
            job.print();
        }
    }

    /** The system's reason in one sentence; a missing spooler command is named, with the package that brings it. */
    private static UserFacingException refusal(Exception refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof IOException && message != null && message.startsWith("Cannot run program")) {
                return new UserFacingException(refused, "print.noSpooler");
            }
        }
        return new UserFacingException(refused, "print.refused", String.valueOf(refused.getMessage()));
    }
}
