package org.huyou.volunteers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The papers the shift service prints. The PDF writers live in {@code volunteers.io}, which reads this package's
 * records; they are handed in where the app is wired so that the service does not depend on its own io.
 */
public interface ShiftPapers {

    void hoursCertificate(
            String homeName,
            Volunteer v,
            LocalDate from,
            LocalDate to,
            List<ShiftRepository.Served> served,
            LocalDate issued,
            Path file,
            Path font)
            throws IOException;

    void shiftPlan(
            String homeName,
            LocalDate from,
            LocalDate to,
            List<Activity> activities,
            Map<Long, List<RosterLine>> rosters,
            Path file,
            Path font)
            throws IOException;
}
