package org.huyou.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.huyou.donations.Donor;
import org.huyou.donations.Fund;
import org.huyou.donations.LedgerEntry;
import org.huyou.donations.LedgerService;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.testing.CareStaff;
import org.huyou.transition.Pathway;
import org.huyou.transition.TransitionPlan;
import org.huyou.transition.TransitionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounts are shown by their display name (姓名) on what people read and print, while the records keep the login
 * name: a receipt and a placement plan, read back from the PDF.
 */
class DisplayNamesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    CareStaff home;

    @BeforeEach
    void open() {
        home = new CareStaff(dir, DAY, LocalDate.of(2009, 6, 10));
    }

    @AfterEach
    void close() {
        home.close();
    }

    @Test
    void theLookupFollowsARenameAndLeavesUnknownNamesAsStored() {
        home.rename(Role.FINANCE_OFFICER, "陈会计");
        home.as(Role.CAREGIVER); // any login loads the names
        assertEquals("陈会计", Accounts.displayName("finance_officer"));
        assertEquals("系统", Accounts.displayName("system"), "the system's own actor, translated");
        assertEquals("nobody-here", Accounts.displayName("nobody-here"), "not an account: shown as stored");
        assertEquals(null, Accounts.displayName(null));
        home.rename(Role.FINANCE_OFFICER, "陈晓燕");
        assertEquals("陈晓燕", Accounts.displayName("finance_officer"), "an administrator's rename shows at once");
    }

    @Test
    void aDonationReceiptNamesWhoHandledItByDisplayName() throws IOException {
        home.rename(Role.FINANCE_OFFICER, "陈会计");
        home.as(Role.FINANCE_OFFICER);
        LedgerService ledger = home.ctx.ledger();
        Fund general =
                ledger.funds().stream().filter(f -> !f.restricted()).findFirst().orElseThrow();
        Donor donor = ledger.createDonor(
                new NewDonor(Donor.Kind.INDIVIDUAL, "张三", Donor.Naming.FULL, null, null, null, null));
        LedgerEntry e = ledger.recordDonation(
                donor.id(), general.id(), DAY, new BigDecimal("1234.50"), LedgerEntry.Channel.CASH, null);
        assertEquals("finance_officer", e.createdBy(), "the record keeps the login name");
        String text = pdfText(ledger.printReceipt(e.seq(), dir.resolve("receipts"), "滨州市儿童福利院"));
        assertTrue(text.contains("陈会计"), text);
        assertFalse(text.contains("finance_officer"), text);
    }

    @Test
    void aPlacementPlanNamesItsApproverByDisplayName() throws IOException {
        home.rename(Role.DIRECTOR, "刘院长");
        home.as(Role.SOCIAL_WORKER);
        TransitionService transition = home.ctx.transition();
        long child = home.child.id();
        transition.assess(child, DAY, List.of(4, 3, 3, 3, 3, 2), "自理良好", null);
        TransitionPlan draft = transition.decide(child, Pathway.SOCIALIZED, "能独立生活，本人愿回户籍地", null, null);
        home.as(Role.DIRECTOR);
        TransitionPlan approved = transition.approve(draft.id(), draft.version());
        assertEquals("director", approved.approvedBy());
        String text = pdfText(home.ctx.transitionDocuments().printPlan(child, false, dir.resolve("plans")));
        assertTrue(text.contains("刘院长"), text);
        assertFalse(text.contains("director"), text);
    }

    /** A host typed as a colleague's login name (or stored so by an older check-in) is printed by their name. */
    @Test
    void aReceptionSlipNamesItsHostByDisplayName() throws IOException {
        home.rename(Role.FRONT_DESK, "王晓丽");
        home.as(Role.FRONT_DESK);
        org.huyou.openday.VisitService visits = home.ctx.visits();
        org.huyou.openday.Visit v = visits.checkIn(new org.huyou.openday.VisitService.CheckIn(
                DAY,
                "09:00-11:00",
                null,
                "李老师",
                "滨城区实验小学",
                org.huyou.openday.Visit.DocumentType.OTHER,
                "教师证 2231",
                "13800000000",
                25,
                "front_desk",
                true));
        String text = pdfText(visits.printSlip(v.id(), dir.resolve("slips"), "滨州市儿童福利院"));
        assertTrue(text.contains("王晓丽"), text);
        assertFalse(text.contains("front_desk"), text);
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
