package org.huyou.volunteers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The papers the shift service prints. The PDF writers live in {@code volunteers.io}, which reads this package's
 * records; they are handed in where the app is wired so that the service does not depend on its own io.
 */
public interface ShiftPapers {

    void hoursCertificate(HoursCertificate certificate, Path file, Path font) throws IOException;

    void shiftPlan(ShiftPlan plan, Path file, Path font) throws IOException;
}
