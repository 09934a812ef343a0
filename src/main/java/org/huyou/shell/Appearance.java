package org.huyou.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import org.huyou.app.Preferences;

/** Theme (AtlantaFX light or dark), app stylesheet and font size, applied to the whole app. */
public final class Appearance {

    private Appearance() {
    }

    public static void apply(Preferences prefs, Scene scene) {
        Application.setUserAgentStylesheet(prefs.theme() == Preferences.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        String css = Appearance.class.getResource("/org/huyou/shell/huyou.css").toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        scene.getRoot().setStyle("-fx-font-size: " + prefs.fontSize().px() + "px;");
    }
}
