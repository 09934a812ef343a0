package org.huyou.volunteers.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.Quantities;
import org.huyou.common.io.PdfText;
import org.huyou.volunteers.HoursCertificate;
import org.huyou.volunteers.ShiftRepository;
import org.huyou.volunteers.Volunteer;

/** The certificate of service hours (志愿服务时长证明) a volunteer asks for: the period, each activity, the total. */
public final class HoursCertificatePdf {

    private HoursCertificatePdf() {}

    public static void write(HoursCertificate c, Path file, Path font) throws IOException {
        String homeName = c.homeName();
        Volunteer v = c.volunteer();
        List<ShiftRepository.Served> served = c.served();
        BigDecimal total = served.stream().map(ShiftRepository.Served::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(homeName, 16);
            pdf.heading(Messages.t("certificate.title"), 14);
            pdf.gap();
            pdf.line(Messages.t(
                    "certificate.body",
                    v.name(),
                    v.maskedIdNumber().isEmpty() ? "-" : v.maskedIdNumber(),
                    c.from().toString(),
                    c.to().toString(),
                    served.size(),
                    Quantities.plain(total)));
            if (v.organisation() != null) {
                pdf.line(Messages.t("certificate.organisation", v.organisation()));
            }
            pdf.gap();
            pdf.table(
                    List.of(Messages.t("activity.date"), Messages.t("activity.title"), Messages.t("activity.hours")),
                    served.stream()
                            .map(s -> List.of(s.date().toString(), s.title(), Quantities.plain(s.hours())))
                            .toList(),
                    new float[] {90, 300, 80},
                    new boolean[] {false, false, true});
            pdf.line(Messages.t("certificate.total", Quantities.plain(total)));
            pdf.gap();
            pdf.line(Messages.t("certificate.thanks"));
            pdf.gap();
            pdf.line(Messages.t("certificate.issued", homeName, c.issued().toString()));
            pdf.save(file);
        }
    }
}
