package org.huyou.volunteers.io;

import java.io.IOException;
import java.nio.file.Path;
import org.huyou.volunteers.HoursCertificate;
import org.huyou.volunteers.ShiftPapers;
import org.huyou.volunteers.ShiftPlan;

/** The shift service's papers as PDFs. */
public final class ShiftPapersPdf implements ShiftPapers {

    @Override
    public void hoursCertificate(HoursCertificate certificate, Path file, Path font) throws IOException {
        HoursCertificatePdf.write(certificate, file, font);
    }

    @Override
    public void shiftPlan(ShiftPlan plan, Path file, Path font) throws IOException {
        ShiftPlanPdf.write(plan, file, font);
    }
}
