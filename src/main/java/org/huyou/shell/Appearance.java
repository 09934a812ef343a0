package org.huyou.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.huyou.app.Preferences;

/** Theme (AtlantaFX light or dark), app stylesheet and font size, applied to the whole app. */
public final class Appearance {

    private Appearance() {}

    /**
     * The theme, before the first control is made: a control class finding no user-agent stylesheet loads JavaFX's
     * own (Modena) at start, only for it to be replaced. The binary form of the theme reads faster than its CSS text.
     */
    public static void applyTheme(Preferences prefs) {
        Application.setUserAgentStylesheet(
                prefs.theme() == Preferences.Theme.DARK
                        ? new PrimerDark().getUserAgentStylesheetBSS()
                        : new PrimerLight().getUserAgentStylesheetBSS());
    }

    public static void apply(Preferences prefs, Scene scene) {
        applyTheme(prefs);
        applyToScene(prefs, scene);
    }

    /** The app's stylesheet and font size on one scene, the theme as it is (setting it again restyles every scene). */
    static void applyToScene(Preferences prefs, Scene scene) {
        String css = Appearance.class.getResource("/org/huyou/shell/huyou.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().setStyle("-fx-font-size: " + prefs.fontSize().px() + "px;");
    }
}
