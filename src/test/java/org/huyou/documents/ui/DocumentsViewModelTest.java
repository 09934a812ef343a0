package org.huyou.documents.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.common.Messages;
import org.huyou.documents.Document;
import org.huyou.documents.DocumentKind;
import org.huyou.documents.TestFiles;
import org.huyou.security.Role;
import org.huyou.testing.HeardNotices;
import org.huyou.testing.ViewModelHome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documents tab without controls, on a real home: files added each on its own (a refused one named, the good
 * one kept, a blank title taking the file's name, an expired paper marked), a document linked to a surgery when
 * added and the choice cleared afterwards, a new version replacing the old one (voided and kept), a copy saved, a
 * void; and nothing shown without a resident.
 */
class DocumentsViewModelTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    final ViewModelHome home = new ViewModelHome(DAY, Role.MEDICAL_STAFF);

    final HeardNotices heard = home.heard;
    DocumentsViewModel vm;
    int changes;

    @BeforeEach
    void open() {
        home.ctx()
                .medicalRecords()
                .add(home.child().id(), MedicalRecord.Kind.SURGERY, DAY.minusDays(5), "唇裂修复术", null, null, null);
        vm = new DocumentsViewModel(home.ctx().documents(), home.tasks, heard, home.clock(), true);
        vm.setOnChanged(() -> changes++);
        vm.show(home.child().id());
    }

    private Document row(String title) {
        return vm.documents().stream()
                .filter(d -> d.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRefusedFileIsNamedTheGoodOneKeptAndAnExpiredPaperMarked() throws Exception {
        Path fake = Files.writeString(home.dir().resolve("户口本.pdf"), "plain text, not a scan");
        Path id = TestFiles.image(home.dir().resolve("身份证.jpg"), "jpg");
        vm.kind.set(DocumentKind.ID_CARD);
        vm.validUntil.set(DAY.minusDays(1));
        vm.addFiles(List.of(fake, id));
        assertEquals(1, heard.errors.size());
        assertTrue(heard.errors.get(0).contains("户口本.pdf"), heard.errors.get(0));
        assertEquals(List.of(Messages.t("document.addedCount", 1)), heard.said);
        assertEquals(1, vm.documents().size(), "the good file of the two was kept");
        Document kept = row("身份证");
        assertEquals(DocumentKind.ID_CARD, kept.kind(), "a blank title takes the file's name");
        assertTrue(vm.validity(kept).contains(Messages.t("document.markExpired")), vm.validity(kept));
        assertEquals(1, changes, "the file is told");
    }

    @Test
    void aConsentLinkedToTheSurgeryThenReplacedCopiedAndVoided() throws Exception {
        assertEquals(1, vm.targets().size(), "the surgery can be linked to");
        String surgery = vm.targets().get(0).label();
        assertTrue(surgery.contains("唇裂修复术"), surgery);
        Path consent = TestFiles.pdf(home.dir().resolve("consent.pdf"), "consent", 1);
        vm.kind.set(DocumentKind.SURGERY_CONSENT);
        vm.title.set("手术同意书");
        vm.link.set(vm.targets().get(0));
        vm.addFiles(List.of(consent));
        assertEquals(List.of(), heard.errors);
        Document form = row("手术同意书");
        assertEquals(surgery, vm.linkedLabels(form));
        assertEquals("", vm.title.get(), "the title is cleared once added");
        assertNull(vm.link.get(), "the next files are not linked unless chosen again");

        vm.selected.set(form);
        assertFalse(vm.cannotLink());

        home.as(Role.DIRECTOR); // who may void (a new version voids the old one) and see the surgery
        Path newer = TestFiles.pdf(home.dir().resolve("new.pdf"), "consent v2", 1);
        vm.replace(form, "补充签字", newer);
        assertEquals(List.of(), heard.errors);
        assertEquals(2, vm.documents().size());
        assertTrue(
                vm.documents().stream()
                        .filter(d -> d.id() == form.id())
                        .findFirst()
                        .orElseThrow()
                        .voided(),
                "the old version is voided and kept");
        Document fresh =
                vm.documents().stream().filter(d -> !d.voided()).findFirst().orElseThrow();
        assertEquals(form.id(), fresh.replacesId());
        assertEquals("手术同意书", fresh.title(), "a blank title keeps the old version's");

        Path out = Files.createDirectory(home.dir().resolve("out"));
        vm.saveCopy(fresh, out);
        assertEquals(List.of(), heard.errors);
        try (var listed = Files.list(out)) {
            assertEquals(1, listed.count());
        }
        assertTrue(heard.last().contains(out.toString()), heard.last());

        vm.voidDocument(fresh, "拍错了");
        vm.changed();
        assertTrue(vm.documents().stream().allMatch(Document::voided));
    }

    @Test
    void aFormWithoutAKindOrWithAFuturePaperIsRefusedBeforeAnyFileIsTaken() throws Exception {
        assertFalse(vm.formAccepted(), "no kind chosen");
        assertEquals(1, heard.errors.size());
        assertTrue(heard.errors.get(0).contains(Messages.t("document.kind")), heard.errors.toString());

        vm.kind.set(DocumentKind.ID_CARD);
        vm.paperDate.set(DAY.plusDays(1));
        Path id = TestFiles.image(home.dir().resolve("身份证.jpg"), "jpg");
        vm.addFiles(List.of(id)); // a drop checks the form too
        assertEquals(2, heard.errors.size());
        assertTrue(heard.errors.get(1).contains(Messages.t("document.paperDate")), heard.errors.toString());
        assertTrue(vm.documents().isEmpty(), "nothing added");

        vm.paperDate.set(DAY);
        assertTrue(vm.formAccepted());
        assertEquals(2, heard.errors.size());
    }

    @Test
    void nothingIsShownWithoutAResident() throws Exception {
        Path id = TestFiles.image(home.dir().resolve("身份证.jpg"), "jpg");
        vm.kind.set(DocumentKind.ID_CARD);
        vm.addFiles(List.of(id));
        assertEquals(List.of(), heard.errors);
        assertEquals(1, vm.documents().size());
        vm.show(null);
        assertTrue(vm.documents().isEmpty());
        assertTrue(vm.targets().isEmpty());
        vm.addFiles(List.of(id));
        assertEquals(1, heard.said.size(), "nothing added without a resident");
    }
}
