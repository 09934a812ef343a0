package org.huyou.common.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.junit.jupiter.api.Test;

/** The count beside 提醒 asked for at every module opened: one run at a time, and one more after, never a queue. */
class CoalescedTaskTest {

    /** Holds work run aside until released, as a busy thread would; counts what went through {@link #run}. */
    static final class HeldAside implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();
        int ordinary;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            ordinary++;
        }

        @Override
        public <T> void runAside(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
        }

        void releaseOne() {
            held.remove(0).run();
        }

        @Override
        public ReadOnlyIntegerProperty running() {
            return new ReadOnlyIntegerWrapper(0).getReadOnlyProperty();
        }
    }

    @Test
    void requestsWhileOneRunsMakeOneMoreRunAfterItAsideFromTheScreensWork() {
        HeldAside tasks = new HeldAside();
        AtomicInteger runs = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        CoalescedTask<Integer> count = new CoalescedTask<>(tasks, runs::incrementAndGet, shown::add, e -> {});

        count.request();
        count.request();
        count.request();
        count.request();
        assertEquals(1, tasks.held.size(), "one run under way; the others wait for it, not in a queue");

        tasks.releaseOne();
        assertEquals(List.of(1), shown);
        assertEquals(1, tasks.held.size(), "the requests made meanwhile: one more run");

        tasks.releaseOne();
        assertEquals(List.of(1, 2), shown);
        assertEquals(0, tasks.held.size(), "nothing asked meanwhile: done");
        assertEquals(0, tasks.ordinary, "never on the workers that light the activity indicator");

        count.request();
        assertEquals(1, tasks.held.size());
    }

    @Test
    void aRunOvertakenByAFresherAnswerIsDropped() {
        HeldAside tasks = new HeldAside();
        AtomicInteger runs = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        CoalescedTask<Integer> count = new CoalescedTask<>(tasks, runs::incrementAndGet, shown::add, e -> {});
        count.request();
        count.request();
        count.overtaken(); // the reminders screen counted what it shows
        tasks.releaseOne();
        assertEquals(List.of(), shown, "counted before the screen's answer: not shown over it");
        assertEquals(0, tasks.held.size(), "the rerun asked for before it is answered too");
        count.request();
        tasks.releaseOne();
        assertEquals(List.of(2), shown);
    }

    @Test
    void aFailedRunStillLetsTheNextOneGo() {
        HeldAside tasks = new HeldAside();
        List<Throwable> failures = new ArrayList<>();
        CoalescedTask<Integer> count = new CoalescedTask<>(
                tasks,
                () -> {
                    throw new IllegalStateException("database gone");
                },
                n -> {},
                failures::add);
        count.request();
        count.request();
        tasks.releaseOne();
        assertEquals(1, failures.size());
        assertEquals(1, tasks.held.size());
    }
}
