package org.huyou.common.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/** Runs work at once on the calling thread: for ViewModel tests, which need no toolkit and no waiting. */
public final class DirectTaskRunner implements TaskRunner {

    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }
}
