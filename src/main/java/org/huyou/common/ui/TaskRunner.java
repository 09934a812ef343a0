package org.huyou.common.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * Runs database and file work off the JavaFX thread and hands the result back on it. One runner for the app;
 * ViewModel tests use {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Work nobody waits on (the count beside 提醒): the app's runner gives it a thread of its own, outside
     * {@link #running()}, so that it never holds up a screen's loads nor keeps the activity indicator lit. Here, as
     * any other work.
     */
    default <T> void runAside(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, onSuccess, onFailure);
    }

    /** How many tasks are under way, for the status bar's activity indicator. */
    ReadOnlyIntegerProperty running();
}
