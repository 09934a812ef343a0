package org.huyou.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.huyou.common.UserFacingException;

/** The import templates shipped in the jar (resources/templates), written where the user asks. */
public final class ImportTemplates {

    private ImportTemplates() {
    }

    /** Writes {@code name}.xlsx, or .csv when {@code target} ends so, to {@code target}. */
    public static Path write(String name, Path target) {
        String ext = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ".csv" : ".xlsx";
        String resource = "/org/huyou/templates/" + name + ext;
        try (InputStream in = ImportTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("template missing from the build: " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UserFacingException(e, "export.failed", target);
        }
    }
}
