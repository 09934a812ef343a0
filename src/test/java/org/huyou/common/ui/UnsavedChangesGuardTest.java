package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.huyou.common.ui.UnsavedChangesGuard.Choice;
import org.junit.jupiter.api.Test;

/** The guard's rules, without a window: when it asks, and what 保存, 放弃修改 and 取消 each do. */
class UnsavedChangesGuardTest {

    /** A form that records what was done to it; its save succeeds or is refused as told. */
    static final class Form implements UnsavedChanges {
        final String name;
        final List<String> log;
        boolean dirty;
        boolean saveSucceeds = true;
        boolean canSave = true;

        Form(String name, List<String> log, boolean dirty) {
            this.name = name;
            this.log = log;
            this.dirty = dirty;
        }

        @Override
        public boolean isDirty() {
            return dirty;
        }

        @Override
        public void save(Consumer<Boolean> done) {
            log.add("save " + name);
            if (saveSucceeds) {
                dirty = false;
            }
            done.accept(saveSucceeds);
        }

        @Override
        public void discard() {
            log.add("discard " + name);
            dirty = false;
        }

        @Override
        public boolean canSave() {
            return canSave;
        }
    }

    private final List<String> log = new ArrayList<>();

    private UnsavedChangesGuard answering(Choice choice) {
        return new UnsavedChangesGuard(
                () -> {
                    log.add("asked");
                    return choice;
                },
                () -> log.add("flushed"));
    }

    @Test
    void nothingUnsavedProceedsWithoutAsking() {
        answering(Choice.CANCEL).leave(new Form("a", log, false), () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "proceed"), log);
    }

    @Test
    void cancelStaysAndKeepsTheInput() {
        Form form = new Form("a", log, true);
        answering(Choice.CANCEL).leave(form, () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "asked", "stay"), log);
        assertTrue(form.isDirty(), "the typed input is still there");
    }

    @Test
    void discardDropsTheInputThenProceeds() {
        Form form = new Form("a", log, true);
        answering(Choice.DISCARD).leave(form, () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "asked", "discard a", "proceed"), log);
        assertFalse(form.isDirty());
    }

    @Test
    void saveSavesThenProceeds() {
        Form form = new Form("a", log, true);
        answering(Choice.SAVE).leave(form, () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "asked", "save a", "proceed"), log);
    }

    @Test
    void aRefusedSaveStaysOnTheScreen() {
        Form form = new Form("a", log, true);
        form.saveSucceeds = false;
        answering(Choice.SAVE).leave(form, () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "asked", "save a", "stay"), log);
        assertTrue(form.isDirty());
    }

    @Test
    void inputThatCannotBeSavedFromTheQuestionIsNotOfferedASave() {
        Form form = new Form("a", log, true);
        form.canSave = false;
        Form other = new Form("b", log, true);
        List<Boolean> offered = new ArrayList<>();
        UnsavedChangesGuard guard = new UnsavedChangesGuard(
                canSave -> {
                    offered.add(canSave);
                    return Choice.SAVE; // as if pressed anyway: nothing is saved, the input stays
                },
                () -> {});
        guard.leave(UnsavedChanges.all(form, other), () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of(false), offered, "保存 is not offered when any dirty part cannot save from here");
        assertEquals(List.of("stay"), log);
        assertTrue(form.isDirty() && other.isDirty());
    }

    @Test
    void inputStillBeingTypedIsTakenOverBeforeTheQuestion() {
        Form form = new Form("a", log, false);
        // the flush is what makes a cell's typed text part of the form
        UnsavedChangesGuard guard = new UnsavedChangesGuard(
                () -> {
                    log.add("asked");
                    return Choice.CANCEL;
                },
                () -> form.dirty = true);
        guard.leave(form, () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("asked", "stay"), log);
    }

    @Test
    void aControlSetBackByCancelAsksNothingMore() {
        Form form = new Form("a", log, true);
        UnsavedChangesGuard[] guard = new UnsavedChangesGuard[1];
        guard[0] = answering(Choice.CANCEL);
        // putting the old group back fires the combo box's listener, which asks the guard again
        guard[0].leave(form, () -> log.add("proceed"), () -> {
            log.add("stay");
            guard[0].leave(form, () -> log.add("proceed again"), () -> log.add("stay again"));
        });
        assertEquals(List.of("flushed", "asked", "stay"), log);
    }

    @Test
    void severalFormsAreSavedInTurnAndTheFirstRefusalStops() {
        Form a = new Form("a", log, true);
        Form clean = new Form("clean", log, false);
        Form b = new Form("b", log, true);
        Form c = new Form("c", log, true);
        b.saveSucceeds = false;
        answering(Choice.SAVE)
                .leave(UnsavedChanges.all(a, clean, b, c), () -> log.add("proceed"), () -> log.add("stay"));
        assertEquals(List.of("flushed", "asked", "save a", "save b", "stay"), log);
        assertFalse(a.isDirty());
        assertTrue(c.isDirty(), "not saved after the refusal, still there");
    }

    @Test
    void discardingSeveralDiscardsEach() {
        Form a = new Form("a", log, true);
        Form b = new Form("b", log, false);
        answering(Choice.DISCARD).leave(UnsavedChanges.all(a, b), () -> log.add("proceed"));
        assertEquals(List.of("flushed", "asked", "discard a", "discard b", "proceed"), log);
    }
}
