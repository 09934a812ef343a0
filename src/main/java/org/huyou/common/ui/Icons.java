package org.huyou.common.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Every icon the app shows, from one Ikonli pack (Material 2), so that they match. */
public enum Icons {
    RESIDENTS(Material2AL.CHILD_CARE),
    SETTINGS(Material2MZ.SETTINGS),
    ADD(Material2AL.ADD),
    EDIT(Material2AL.EDIT),
    IMPORT(Material2AL.FILE_UPLOAD),
    FOLDER(Material2AL.FOLDER_OPEN),
    SEARCH(Material2MZ.SEARCH),
    REFRESH(Material2MZ.REFRESH),
    HISTORY(Material2AL.HISTORY),
    VOID(Material2AL.BLOCK),
    WARNING(Material2MZ.WARNING),
    ERROR(Material2AL.ERROR_OUTLINE),
    OK(Material2AL.CHECK_CIRCLE),
    USER(Material2AL.ACCOUNT_CIRCLE),
    DATABASE(Material2MZ.STORAGE),
    PHOTO(Material2AL.ADD_A_PHOTO),
    PREVIEW(Material2MZ.VISIBILITY),
    LINK(Material2AL.LINK),
    ACCOUNTS(Material2MZ.PEOPLE),
    AUDIT(Material2MZ.RECEIPT_LONG),
    BACKUP(Material2AL.BACKUP),
    LOCK(Material2AL.LOCK),
    LOGOUT(Material2AL.EXIT_TO_APP),
    EXPORT(Material2MZ.SAVE_ALT),
    SHIFT(Material2AL.ASSIGNMENT),
    REMINDERS(Material2AL.ALARM),
    CASELOAD(Material2AL.ASSIGNMENT_IND),
    DONATIONS(Material2AL.ACCOUNT_BALANCE_WALLET),
    OPEN_DAY(Material2AL.EVENT),
    VOLUNTEERS(Material2MZ.NATURE_PEOPLE),
    TRANSITION(Material2AL.DIRECTIONS_WALK),
    DIRECTOR(Material2AL.BAR_CHART);

    private final Ikon ikon;

    Icons(Ikon ikon) {
        this.ikon = ikon;
    }

    public FontIcon icon() {
        return new FontIcon(ikon);
    }
}
