package org.huyou.care.ui;

import org.huyou.residents.ui.FilePartViewModel;
import org.huyou.residents.ui.ResidentFilePart;

/** A care file tab's View (ADR 0014): what the file asks of the tab goes to its {@link FilePartViewModel}. */
interface FilePartView extends ResidentFilePart {

    FilePartViewModel<?> model();

    @Override
    default void show(Long residentId) {
        model().show(residentId);
    }

    @Override
    default void setOnChanged(Runnable onChanged) {
        model().setOnChanged(onChanged);
    }
}
