package org.huyou.allowance;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a month's roll to a file. The workbook writer lives in {@code allowance.io}, which reads the roll; it is
 * handed in where the app is wired so that the service does not depend on its own io (no cycle between them).
 */
@FunctionalInterface
public interface RollWriter {

    void write(Roll roll, String homeName, Path file) throws IOException;
}
