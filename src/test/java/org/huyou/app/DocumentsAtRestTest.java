package org.huyou.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huyou.common.Gender;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.DocumentService;
import org.huyou.documents.TestFiles;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.Resident;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document's bytes are in the encrypted home only: a PDF whose text is a canary leaves no trace of it in the data
 * folder or a backup, and a backup restored into a new folder gives the same bytes back.
 */
@org.junit.jupiter.api.Tag("embedded-only") // the embedded H2 file itself: its encryption, its backups
class DocumentsAtRestTest {

    static final String CANARY = "canary-document-9b1e";

    @TempDir
    Path dir;

    @Test
    void noFileOfTheDataFolderOrABackupHoldsADocumentsTextAndARestoreGivesItBack() throws Exception {
        Path home = dir.resolve("home");
        Path source = Files.createDirectories(dir.resolve("source"));
        Path pdf = TestFiles.pdf(source.resolve("report.pdf"), CANARY, 2);
        assertTrue(
                EncryptionAtRestTest.indexOf(Files.readAllBytes(pdf), CANARY.getBytes(StandardCharsets.US_ASCII)) >= 0,
                "the canary is in the PDF as written: the scan below means something");
        Path backup;
        Document doc;
        try (AppContext ctx = TestHome.open(home)) {
            Resident r = ctx.residents()
                    .create(new Resident(
                            null,
                            null,
                            null,
                            "孙小雨",
                            null,
                            Gender.FEMALE,
                            LocalDate.of(2015, 3, 7),
                            false,
                            "01",
                            null,
                            null,
                            Category.ORPHAN,
                            LocalDate.of(2020, 1, 10),
                            AdmissionSource.CIVIL_AFFAIRS,
                            null,
                            DisabilityType.NONE,
                            null,
                            Guardianship.CIVIL_AFFAIRS_LONG_TERM,
                            null,
                            null,
                            null));
            doc = ctx.documents()
                    .add(
                            r.id(),
                            new DocumentService.Details(
                                    DocumentKind.POLICE_REPORT, "报案证明", LocalDate.of(2020, 1, 5), null),
                            pdf);
            ctx.documents().open(doc.id(), java.io.InputStream::readAllBytes);
            backup = ctx.backups().backupTo(ctx.backups().defaultFolder().resolve("manual.huyou-backup"));
        }
        List<String> hits = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files =
                Stream.concat(Files.walk(home), Stream.of(backup)).distinct()) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                scanned++;
                byte[] content = Files.readAllBytes(f);
                for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    if (EncryptionAtRestTest.indexOf(content, CANARY.getBytes(cs)) >= 0) {
                        hits.add(f + " holds the canary in " + cs);
                    }
                }
            }
        }
        assertTrue(scanned >= 3, "scanned " + scanned);
        assertTrue(Files.size(backup) > 0);
        assertEquals(List.of(), hits);

        try (AppContext restored = HomeAccess.restoreIntoNewFolder(
                dir.resolve("fresh"), backup, TestHome.ADMIN, TestHome.PASSWORD.toCharArray(), TestHome.CLOCK)) {
            Document back = restored.documents().documents(doc.residentId()).get(0);
            assertEquals(doc.sha256(), back.sha256());
            assertArrayEquals(
                    Files.readAllBytes(pdf), restored.documents().open(back.id(), java.io.InputStream::readAllBytes));
        }
    }
}
