package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.PdfPages;
import org.huyou.donations.LedgerEntry;
import org.huyou.openday.Visit;
import org.huyou.openday.VisitService;
import org.huyou.security.Role;
import org.huyou.testing.TestHome;
import org.huyou.testing.TestPostgres;
import org.huyou.transition.TransitionService;
import org.huyou.volunteers.VolunteerService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes one of each PDF the app writes, from the demo home, and renders its first page to docs/pdf-samples/*.png
 * (committed): the pictures people look at page by page to see that nothing is cut, overlaps or lacks its unit.
 */
class PdfSamplesTest {

    private static final String HOME = "滨州市儿童福利院";

    @TempDir
    Path dir;

    @Test
    void everyPdfKindIsWrittenAndItsFirstPageRenderedToDocs() throws Exception {
        Assumptions.assumeFalse(TestPostgres.selected(), "the pictures come from one run, on H2");
        Map<String, Path> pdfs = new LinkedHashMap<>();
        Path out = dir.resolve("pdfs");
        try (AppContext ctx = TestHome.open(dir.resolve("home"))) {
            ctx.demoHome();
            ctx.loadDemo(40, 28);
            EnumSet<Role> all = EnumSet.allOf(Role.class);
            all.remove(Role.ADMINISTRATOR);
            ctx.accounts().create("all", "王晓丽", TestHome.PASSWORD, all);
            ctx.login().logout();
            ctx.login().login("all", TestHome.PASSWORD.toCharArray());
            LocalDate today = TestHome.TODAY;

            java.util.List<LedgerEntry> newest = ctx.ledger().entries(Long.MAX_VALUE, 500);
            LedgerEntry donation = newest.stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.DONATION)
                    .findFirst()
                    .orElseThrow();
            pdfs.put("receipt", ctx.ledger().printReceipt(donation.seq(), out, HOME));
            LedgerEntry goods = newest.stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.GOODS_IN && e.goodsValue() != null)
                    .findFirst()
                    .orElseThrow();
            pdfs.put("receipt-goods", ctx.ledger().printReceipt(goods.seq(), out, HOME));
            LedgerEntry older = newest.stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.DONATION)
                    .reduce((a, b) -> b) // the oldest shown: not the last receipt
                    .orElseThrow();
            pdfs.put("receipt-reprint", ctx.ledger().reprintReceipt(older.seq(), out, HOME));
            Visit visit = ctx.visits()
                    .checkIn(new VisitService.CheckIn(
                            today,
                            "09:00-11:00",
                            null,
                            "李老师",
                            "滨城区实验小学",
                            Visit.DocumentType.OTHER,
                            "教师证 2231",
                            "13800000000",
                            25,
                            org.huyou.security.Accounts.displayName("all"),
                            true)); // the host as the screen prefills it
            pdfs.put("reception-slip", ctx.visits().printSlip(visit.id(), out, HOME));
            for (VolunteerService.Listed v : ctx.volunteers().list("", 200)) {
                try {
                    pdfs.put(
                            "hours-certificate",
                            ctx.shifts().printCertificate(v.volunteer().id(), today.minusYears(1), today, out, HOME));
                    break;
                } catch (UserFacingException noHours) {
                    // a volunteer without hours gets no certificate: try the next
                }
            }
            pdfs.put("shift-plan", ctx.shifts().printShiftPlan(today.minusDays(14), today.plusDays(14), out, HOME));
            TransitionService.Row planned = ctx.transition().dashboard().turning().stream()
                    .filter(r -> r.planStatus() != null)
                    .findFirst()
                    .orElseThrow();
            pdfs.put("placement-plan", ctx.transitionDocuments().printPlan(planned.residentId(), false, out));
            pdfs.put(
                    "disclosure",
                    ctx.disclosures().export(today.withDayOfYear(1), today, out).pdf());
            Path report = out.resolve("annual-report.pdf");
            ctx.statistics().annualReport(today.getYear(), report);
            pdfs.put("annual-report", report);
        }
        assertEquals(9, pdfs.size(), pdfs.keySet().toString());
        Path samples = Path.of("docs", "pdf-samples");
        Files.createDirectories(samples);
        for (Map.Entry<String, Path> pdf : pdfs.entrySet()) {
            BufferedImage page = PdfPages.render(pdf.getValue(), 100, 1).get(0);
            Path png = samples.resolve(pdf.getKey() + ".png");
            ImageIO.write(page, "png", png.toFile());
            assertTrue(Files.size(png) > 1000, png.toString());
        }
    }
}
