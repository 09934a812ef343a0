package org.huyou.common.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.huyou.common.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a small pool of daemon threads; callbacks on the JavaFX thread. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    /** Made when first used, not when the class loads: this class is on the way to the first window. */
    private static Logger log() {
        return LoggerFactory.getLogger(FxTaskRunner.class);
    }

    private final AtomicInteger threadNo = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "huyou-worker-" + threadNo.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    /** One thread for work nobody waits on, at low priority: it never takes a worker from a screen's loads. */
    private final ExecutorService aside = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "huyou-aside");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            // The window is closing: a callback of earlier work asking for more has nobody left to answer.
            log().debug("Task dropped after close");
            return;
        }
        running.set(running.get() + 1);
        executor.execute(() -> call(
                work,
                result -> {
                    running.set(running.get() - 1);
                    onSuccess.accept(result);
                },
                t -> {
                    running.set(running.get() - 1);
                    onFailure.accept(t);
                }));
    }

    @Override
    public <T> void runAside(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (aside.isShutdown()) {
            log().debug("Task dropped after close");
            return;
        }
        aside.execute(() -> call(work, onSuccess, onFailure));
    }

    /** Runs {@code work} here and hands its result or failure to the JavaFX thread. */
    private static <T> void call(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            T result = work.call();
            Platform.runLater(() -> onSuccess.accept(result));
        } catch (Throwable t) {
            if (t instanceof UserFacingException u) {
                log().info("Background task refused: {}", u.messageKey()); // no values: they may be personal data
            } else {
                log().warn("Background task failed", t);
            }
            Platform.runLater(() -> onFailure.accept(t));
        }
    }

    @Override
    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdown();
        aside.shutdown();
    }
}
