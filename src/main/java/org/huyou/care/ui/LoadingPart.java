package org.huyou.care.ui;

import java.time.Clock;
import org.huyou.common.ui.DialogService;
import org.huyou.common.ui.TaskRunner;
import org.huyou.residents.ui.LoadingFilePart;

/** The care file's tabs: each loads the selected resident in the background ({@link LoadingFilePart}). */
abstract class LoadingPart<T> extends LoadingFilePart<T> {

    /** With the home's clock, so the forms' default dates are the services' today. */
    LoadingPart(TaskRunner tasks, DialogService dialogs, Clock clock) {
        super(tasks, dialogs, clock);
    }
}
