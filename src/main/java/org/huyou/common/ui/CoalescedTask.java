package org.huyou.common.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Background work asked for again and again, of which only the latest answer matters (the count beside 提醒, asked
 * at each module opened): at most one run at a time, run aside ({@link TaskRunner#runAside}); asked while it runs,
 * it runs once more after it, however often it was asked meanwhile, so that requests never queue up. Used on the
 * JavaFX thread only (where the callbacks come back), so it needs no locking.
 */
public final class CoalescedTask<T> {

    private final TaskRunner tasks;
    private final Callable<T> work;
    private final Consumer<T> onSuccess;
    private final Consumer<Throwable> onFailure;
    private boolean running;
    private boolean again;
    /** Bumped when an answer came by other means: a run started before it answers what is no longer so. */
    private int round;

    public CoalescedTask(TaskRunner tasks, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        this.tasks = tasks;
        this.work = work;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    /** Runs the work now, or once more after the run under way. */
    public void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        int started = round;
        tasks.runAside(
                work,
                result -> {
                    try {
                        if (started == round) {
                            onSuccess.accept(result);
                        }
                    } finally {
                        done();
                    }
                },
                failure -> {
                    try {
                        onFailure.accept(failure);
                    } finally {
                        done();
                    }
                });
    }

    /**
     * The answer came by other means just now (the reminders screen counts what it shows, a dose given): the run
     * under way, if any, started before and its result is dropped, as is a rerun asked for before now.
     */
    public void overtaken() {
        round++;
        again = false;
    }

    private void done() {
        running = false;
        if (again) {
            again = false;
            request();
        }
    }
}
