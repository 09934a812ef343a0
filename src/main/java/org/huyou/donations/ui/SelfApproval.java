package org.huyou.donations.ui;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.huyou.common.ui.Notices;
import org.huyou.common.ui.TaskRunner;

/**
 * A payment or an approval that a home with no second approver may need to do on its own: tried without a reason
 * first; a refusal is handed to {@code reason} (the View asks, or shows the error and gives none), and tried again
 * with the reason it gives.
 */
final class SelfApproval {

    private SelfApproval() {}

    static <T> void run(
            TaskRunner tasks,
            Notices notices,
            Function<String, T> act,
            Consumer<T> done,
            Function<Throwable, Optional<String>> reason) {
        tasks.run(
                () -> act.apply(null),
                done,
                failure -> reason.apply(failure)
                        .ifPresent(why -> tasks.run(() -> act.apply(why), done, notices::showError)));
    }
}
