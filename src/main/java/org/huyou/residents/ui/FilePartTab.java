package org.huyou.residents.ui;

import java.util.Objects;
import javafx.scene.control.Tab;

/**
 * A tab of the resident's file that builds its part's screen the first time it is opened and loads the selected
 * resident only while it is open (or when it is opened next; each opening loads afresh). A file has ten such tabs: built and loaded all at once,
 * they cost the main window's first showing seconds of styling and every change of resident ten queries.
 */
final class FilePartTab {

    private final ResidentFilePart part;
    private final Tab tab;
    private Long wanted;
    private Long shown;
    private boolean loaded;

    FilePartTab(ResidentFilePart part) {
        this.part = part;
        this.tab = new Tab(part.title());
        // Opening the tab again loads it again: what others recorded meanwhile (a dose on the rounds) shows.
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                loaded = false;
                sync();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    /** The selected resident changed (null: none). */
    void show(Long residentId) {
        wanted = residentId;
        if (tab.isSelected()) {
            sync();
        }
    }

    /** Loads the tab again: now when it is in sight, else when it is next opened (as it does anyway). */
    void reload() {
        loaded = false;
        if (tab.isSelected()) {
            sync();
        }
    }

    private void sync() {
        if (tab.getContent() == null) {
            tab.setContent(part.node());
        }
        if (!loaded || !Objects.equals(wanted, shown)) {
            loaded = true;
            shown = wanted;
            part.show(wanted);
        }
    }
}
