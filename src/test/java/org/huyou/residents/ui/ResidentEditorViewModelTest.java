package org.huyou.residents.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.common.ui.DirectTaskRunner;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.Resident;
import org.huyou.residents.ResidentValidator;
import org.huyou.testing.TestHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form's rules without any controls or toolkit: the synchronous task runner and the real service. */
class ResidentEditorViewModelTest {

    @TempDir
    Path dir;
    AppContext ctx;
    ResidentEditorViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        ctx = TestHome.open(dir);
        vm = new ResidentEditorViewModel(ctx.residents(), new DirectTaskRunner(), List.of());
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aFieldIsCheckedWhenLeftAndSaveNamesTheFirstProblem() {
        vm.name.set("张小明");
        vm.idNumber.set("110105201503070014");
        vm.validateField(ResidentValidator.ID_NUMBER);
        assertTrue(vm.error(ResidentValidator.ID_NUMBER).get().contains("校验位"));
        assertTrue(vm.error(ResidentValidator.NAME).get().isEmpty());

        List<Resident> saved = new ArrayList<>();
        Optional<String> first = vm.save(saved::add, t -> { });
        assertEquals(Optional.of(ResidentValidator.GENDER), first);
        assertTrue(saved.isEmpty());
        assertEquals(0, ctx.residents().countAll());
    }

    @Test
    void aValidFormSavesAndIsNoLongerDirty() {
        assertFalse(vm.isDirty());
        vm.name.set("张小明");
        vm.gender.set(Gender.MALE);
        vm.birthDate.set(LocalDate.of(2015, 3, 7));
        vm.idNumber.set("110105201503070013");
        vm.category.set(Category.ORPHAN);
        vm.admissionSource.set(AdmissionSource.CIVIL_AFFAIRS);
        assertTrue(vm.isDirty());
        List<Resident> saved = new ArrayList<>();
        assertEquals(Optional.empty(), vm.save(saved::add, t -> { }));
        assertEquals(1, saved.size());
        assertEquals(1, ctx.residents().countAll());
        assertFalse(vm.isDirty());
    }

    @Test
    void aPhotoTooLargeIsRefusedWithAClearReason() throws Exception {
        Path big = dir.resolve("big.jpg");
        Files.write(big, new byte[3 * 1024 * 1024]);
        List<Throwable> failures = new ArrayList<>();
        vm.loadPhoto(big, failures::add);
        assertEquals(1, failures.size());
        assertEquals("error.photoTooLarge", ((org.huyou.common.UserFacingException) failures.get(0)).messageKey());
        assertEquals(null, vm.photo.get());
    }
}
