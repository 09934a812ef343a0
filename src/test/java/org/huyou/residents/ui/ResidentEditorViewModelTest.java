package org.huyou.residents.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huyou.app.AppContext;
import org.huyou.common.Gender;
import org.huyou.common.Messages;
import org.huyou.common.RecordMerge;
import org.huyou.common.StaleRecordException;
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
        Optional<String> first = vm.save(saved::add, t -> {});
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
        assertEquals(Optional.empty(), vm.save(saved::add, t -> {}));
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

    @Test
    void aSaveAfterAnotherPcsShowsTheirValuesKeepsTheInputAndMergesAsChosen() {
        Resident stored = ctx.residents().create(ResidentServiceFixture.draft("李小红"));
        TestHome.loginAs(ctx, "liu", org.huyou.security.Role.ADMINISTRATOR);
        Resident opened = ctx.residents().get(stored.id());
        ResidentEditorViewModel here =
                new ResidentEditorViewModel(ctx.residents(), new DirectTaskRunner(), List.of(), opened, null);
        ResidentEditorViewModel there =
                new ResidentEditorViewModel(ctx.residents(), new DirectTaskRunner(), List.of(), opened, null);
        there.category.set(Category.ABANDONED_INFANT);
        there.note.set("对方的备注");
        there.save(r -> {}, t -> {
            throw new AssertionError(t);
        });

        here.name.set("李晓红");
        here.note.set("我的备注");
        List<Throwable> failures = new ArrayList<>();
        here.save(
                r -> {
                    throw new AssertionError("a stale save must not land");
                },
                failures::add);
        StaleRecordException stale = assertInstanceOf(StaleRecordException.class, failures.get(0));
        assertEquals("李晓红", here.name.get(), "the input stays in the form");

        List<ResidentEditorViewModel.Conflict> conflicts = new ArrayList<>();
        here.fetchConflict(stale, conflicts::add, t -> {
            throw new AssertionError(t);
        });
        ResidentEditorViewModel.Conflict conflict = conflicts.get(0);
        assertEquals("liu", conflict.savedBy());
        Map<String, RecordMerge.Difference> byField =
                conflict.differences().stream().collect(Collectors.toMap(RecordMerge.Difference::field, d -> d));
        assertEquals(Set.of("name", "note", "category"), byField.keySet());
        assertEquals("对方的备注", byField.get("note").theirs());
        assertTrue(byField.get("note").bothChanged());
        assertFalse(byField.get("name").takesTheirsByDefault(), "only this PC changed the name");
        assertTrue(byField.get("category").takesTheirsByDefault(), "only the other PC changed the category");

        // Their category (the default) and their note (chosen over this PC's), this PC's name.
        here.resolve(conflict, Set.of("category", "note"));
        assertEquals("对方的备注", here.note.get());
        assertTrue(here.isDirty(), "the name still differs from what is stored");
        here.save(r -> {}, t -> {
            throw new AssertionError(t);
        });
        Resident merged = ctx.residents().get(stored.id());
        assertEquals("李晓红", merged.name());
        assertEquals(Category.ABANDONED_INFANT, merged.category());
        assertEquals("对方的备注", merged.note());
        assertEquals(2, merged.version());
    }

    @Test
    void aMergeTakesOnlyTheChosenFieldsAndTheStoredVersion() {
        record Item(Long id, Integer version, String name, String note) {}
        Item base = new Item(1L, 3, "a", "n");
        Item mine = new Item(1L, 3, "b", "n");
        Item theirs = new Item(1L, 4, "a", "m");
        List<RecordMerge.Difference> d = RecordMerge.differences(base, mine, theirs);
        assertEquals(
                List.of("name", "note"),
                d.stream().map(RecordMerge.Difference::field).toList());
        assertEquals(new Item(1L, 4, "b", "m"), RecordMerge.merge(mine, theirs, Set.of("note")));
        assertEquals(new Item(1L, 4, "b", "n"), RecordMerge.merge(mine, theirs, Set.of()));
    }
}
