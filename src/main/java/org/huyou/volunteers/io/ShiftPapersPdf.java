package org.huyou.volunteers.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.huyou.volunteers.Activity;
import org.huyou.volunteers.RosterLine;
import org.huyou.volunteers.ShiftPapers;
import org.huyou.volunteers.ShiftRepository;
import org.huyou.volunteers.Volunteer;

/** The shift service's papers as PDFs. */
public final class ShiftPapersPdf implements ShiftPapers {

    @Override
    public void hoursCertificate(
            String homeName,
            Volunteer v,
            LocalDate from,
            LocalDate to,
            List<ShiftRepository.Served> served,
            LocalDate issued,
            Path file,
            Path font)
            throws IOException {
        HoursCertificatePdf.write(homeName, v, from, to, served, issued, file, font);
    }

    @Override
    public void shiftPlan(
            String homeName,
            LocalDate from,
            LocalDate to,
            List<Activity> activities,
            Map<Long, List<RosterLine>> rosters,
            Path file,
            Path font)
            throws IOException {
        ShiftPlanPdf.write(homeName, from, to, activities, rosters, file, font);
    }
}
