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
import org.huyou.common.io.WriteBeside;
import org.huyou.donations.LedgerService.NewDonor;
import org.huyou.security.Role;
import org.huyou.testing.CareStaff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disclosure's workbook and PDF are posted as one: when the PDF cannot be written (a folder stands where it is
 * written, a real condition, not a mock) neither file is left, nothing is registered, and the director reads one
 * sentence; what already has the disclosure's name is never replaced (the put-back of a replaced file is
 * WriteBesideTest's).
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
        Donor firm = ledger.createDonor(
                new NewDonor(Donor.Kind.ENTERPRISE, "滨州鲁北化工有限公司", Donor.Naming.FULL, null, null, null, null));
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

    /**
     * A folder where the PDF is written before it is moved into place: the workbook is not left without its PDF, the
     * folder is untouched, and the director reads one sentence.
     */
    @Test
    void aFolderInThePdfsWayLeavesNeitherFile() throws Exception {
        Path inTheWay = Files.createDirectories(WriteBeside.partial(pdf));
        Files.writeString(inTheWay.resolve("keep.txt"), "a director's own file");

        UserFacingException e = refused();

        assertTrue(Files.notExists(xlsx), "no workbook without its PDF");
        assertTrue(Files.notExists(pdf), "no PDF either");
        assertEquals("a director's own file", Files.readString(inTheWay.resolve("keep.txt")), "the folder untouched");
        assertEquals(List.of(inTheWay), listing(), "nothing half-written left beside them");
        assertTrue(e.userMessage().startsWith("公示没有保存，Excel 和 PDF 两个文件都未写入："), e.userMessage());
        assertEquals(1, e.userMessage().lines().count(), "one sentence: " + e.userMessage());

        Files.delete(inTheWay.resolve("keep.txt"));
        Files.delete(inTheWay);
        DisclosureService.Exported done = home.ctx.disclosures().export(Q_FROM, Q_TO, out);
        assertTrue(Files.size(done.xlsx()) > 100 && Files.size(done.pdf()) > 100, "both written once the way is free");
        assertEquals(1, home.ctx.disclosures().published().size());
    }

    /** A file or a folder that already has the disclosure's name is never replaced: the new one takes another name. */
    @Test
    void whatAlreadyHasTheNameIsNeverReplaced() throws Exception {
        Files.writeString(xlsx, "an earlier workbook");
        Files.createDirectories(pdf);

        DisclosureService.Exported done = home.ctx.disclosures().export(Q_FROM, Q_TO, out);

        assertEquals("an earlier workbook", Files.readString(xlsx));
        assertTrue(Files.isDirectory(pdf), "the folder is not replaced");
        assertTrue(!done.pdf().equals(pdf) && !done.xlsx().equals(xlsx), done.pdf() + " " + done.xlsx());
        assertEquals(
                done.pdf().getFileName().toString().replace(".pdf", ""),
                done.xlsx().getFileName().toString().replace(".xlsx", ""),
                "the two files of one publication share a name");
        assertTrue(Files.size(done.xlsx()) > 100 && Files.size(done.pdf()) > 100);
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
