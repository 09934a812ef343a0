package org.huyou.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.huyou.common.UserFacingException;

/** The import templates shipped in the jar (resources/templates), written where the user asks. */
public final class ImportTemplates {

    private ImportTemplates() {}

    /** Writes {@code name}.xlsx, or .csv when {@code target} ends so, to {@code target}. */
    public static Path write(String name, Path target) {
        return write(name, target, Map.of());
    }

    /**
     * As {@link #write(String, Path)}, each example date of the template that is a key of {@code dates} written as
     * its value (a date this home would take): in the CSV as text, in the workbook as the date cell's day number.
     */
    public static Path write(String name, Path target, Map<LocalDate, LocalDate> dates) {
        String ext = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ".csv" : ".xlsx";
        String resource = "/org/huyou/templates/" + name + ext;
        try (InputStream in = ImportTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("template missing from the build: " + resource);
            }
            if (dates.isEmpty()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (ext.equals(".csv")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<LocalDate, LocalDate> d : dates.entrySet()) {
                    text = text.replace(d.getKey().toString(), d.getValue().toString());
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } else {
                writeWorkbook(in, target, dates);
            }
            return target;
        } catch (IOException e) {
            throw new UserFacingException(e, "export.failed", target);
        }
    }

    /** Excel's day number of a date (1900 date system, as the templates are saved). */
    private static long serial(LocalDate d) {
        return ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
    }

    /** The workbook copied entry by entry, its sheets' date cells changed. */
    private static void writeWorkbook(InputStream in, Path target, Map<LocalDate, LocalDate> dates) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(in);
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                byte[] content = zin.readAllBytes();
                if (e.getName().startsWith("xl/worksheets/") && e.getName().endsWith(".xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    for (Map.Entry<LocalDate, LocalDate> d : dates.entrySet()) {
                        xml = xml.replace(
                                        "<v>" + serial(d.getKey()) + ".0</v>", "<v>" + serial(d.getValue()) + ".0</v>")
                                .replace("<v>" + serial(d.getKey()) + "</v>", "<v>" + serial(d.getValue()) + "</v>");
                    }
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(content);
                zout.closeEntry();
            }
        }
    }
}
