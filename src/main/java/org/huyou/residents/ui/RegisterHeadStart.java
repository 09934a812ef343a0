package org.huyou.residents.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.huyou.residents.ResidentFilter;
import org.huyou.residents.ResidentService;

/**
 * The register's first page, the whole register as the list first shows it, asked for at the end of a login's
 * background task on a thread of its own, while the JavaFX thread builds the main window: the list's first load takes
 * it instead of starting the same query once the window is built. Taken once; a failure (a user who may not read the
 * register) leaves the list to ask as it always does.
 */
public final class RegisterHeadStart {

    private final CompletableFuture<ResidentService.Matches> page;

    private RegisterHeadStart(CompletableFuture<ResidentService.Matches> page) {
        this.page = page;
    }

    /** Starts the query now, off the calling thread. */
    public static RegisterHeadStart begin(ResidentService service) {
        return new RegisterHeadStart(
                CompletableFuture.supplyAsync(() -> service.find(firstFilter(), ResidentListViewModel.PAGE), r -> {
                    Thread t = new Thread(r, "register-head-start");
                    t.setDaemon(true);
                    t.start();
                }));
    }

    /** What the list asks for when it is first shown: nothing typed, no filter chosen. */
    static ResidentFilter firstFilter() {
        return ResidentFilter.query("");
    }

    /** The page (waiting for it off the JavaFX thread), or what {@code otherwise} finds if the early query failed. */
    ResidentService.Matches take(Supplier<ResidentService.Matches> otherwise) {
        try {
            return page.join();
        } catch (CompletionException | java.util.concurrent.CancellationException failed) {
            return otherwise.get();
        }
    }
}
