package org.huyou.donations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.huyou.common.Messages;
import org.huyou.common.UserFacingException;
import org.huyou.common.io.SafeFileNames;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disclosure's workbook and PDF are posted as one: when the PDF cannot be put in place (a folder stands where it
 * should go, a real condition, not a mock) neither file is left, an older workbook it would have replaced is put back,
 * nothing is registered, and the director reads one sentence.
 */
class DisclosureBothFilesTest {

    static final LocalDate Q_FROM = LocalDate.of(2026, 7, 1);
    static final LocalDate Q_TO = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    CareStaff home;
    Path out;
    Path xlsx;
    Path pdf;

    @BeforeEach
    void open() throws Exception {
        home = new CareStaff(dir.resolve("home"), LocalDate.of(2026, 10, 8), LocalDate.of(2015, 1, 1));
        home.as(Role.FINANCE_OFFICER);
        LedgerService ledger = home.ctx.ledger();
        Donor firm = ledger.createDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null);
        ledger.recordDonation(
                firm.id(),
                ledger.funds().get(0).id(),
                LocalDate.of(2026, 8, 1),
                new BigDecimal("20000.50"),
                LedgerEntry.Channel.BANK_TRANSFER,
                null);
        home.as(Role.DIRECTOR);
        out = Files.createDirectories(dir.resolve("out"));
        String base = Messages.t("disclosure.fileName", Q_FROM.toString(), Q_TO.toString());
        xlsx = SafeFileNames.inside(out, base, "xlsx");
        pdf = SafeFileNames.inside(out, base, "pdf");
    }

    @AfterEach
    void close() {
        home.ctx.close();
    }

    @Test
    void aFolderWhereThePdfGoesLeavesNeitherFile() throws Exception {
        Files.createDirectories(pdf);
        Files.writeString(pdf.resolve("keep.txt"), "a director's own file");

        UserFacingException e = refused();

        assertTrue(Files.notExists(xlsx), "no workbook without its PDF");
        assertEquals("a director's own file", Files.readString(pdf.resolve("keep.txt")), "the folder untouched");
        assertEquals(List.of(pdf), listing(), "nothing half-written left beside them");
        assertTrue(e.userMessage().startsWith("公示没有保存，Excel 和 PDF 两个文件都未写入："), e.userMessage());
        assertTrue(e.userMessage().contains(pdf.toString()), "says what stood in the way: " + e.userMessage());
        assertEquals(1, e.userMessage().lines().count(), "one sentence: " + e.userMessage());
    }

    @Test
    void anOlderWorkbookIsPutBackAndAnEmptyFolderIsNotReplaced() throws Exception {
        Files.writeString(xlsx, "an earlier workbook");
        Files.createDirectories(pdf);

        refused();

        assertEquals("an earlier workbook", Files.readString(xlsx), "the workbook moved in was taken out again");
        assertTrue(Files.isDirectory(pdf), "an empty folder is not replaced either");
        assertEquals(List.of(pdf, xlsx), listing());

        Files.delete(pdf);
        DisclosureService.Exported done = home.ctx.disclosures().export(Q_FROM, Q_TO, out);
        assertTrue(Files.size(done.xlsx()) > 100 && Files.size(done.pdf()) > 100, "both written once the way is free");
        assertEquals(1, home.ctx.disclosures().published().size());
    }

    private UserFacingException refused() {
        UserFacingException e = assertThrows(
                UserFacingException.class, () -> home.ctx.disclosures().export(Q_FROM, Q_TO, out));
        assertTrue(home.ctx.disclosures().published().isEmpty(), "nothing registered");
        return e;
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.sorted().toList();
        }
    }
}
