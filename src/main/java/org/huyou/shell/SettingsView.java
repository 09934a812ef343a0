package org.huyou.shell;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.huyou.app.AppContext;
import org.huyou.app.Preferences;
import org.huyou.common.Messages;
import org.huyou.common.ui.Converters;
import org.huyou.common.ui.FormGrid;
import org.huyou.common.ui.ModuleView;

/** This PC's display settings: language, theme, font size; and where the data lives. */
final class SettingsView implements ModuleView {

    private final VBox root;

    SettingsView(AppContext ctx, Preferences prefs, Runnable onApply) {
        FormGrid form = new FormGrid();
        form.heading(Messages.t("settings.title"));

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().addAll(Messages.CHINESE, Messages.ENGLISH);
        language.setConverter(Converters.of(l -> Messages.t("settings.language." + l.getLanguage())));
        language.setValue(prefs.locale());
        form.field(Messages.t("settings.language"), false, language, null);

        ComboBox<Preferences.Theme> theme = new ComboBox<>();
        theme.getItems().addAll(Preferences.Theme.values());
        theme.setConverter(Converters.of(t -> Messages.t("settings.theme." + t.name().toLowerCase(Locale.ROOT))));
        theme.setValue(prefs.theme());
        form.field(Messages.t("settings.theme"), false, theme, null);

        ComboBox<Preferences.FontSize> font = new ComboBox<>();
        font.getItems().addAll(Preferences.FontSize.values());
        font.setConverter(Converters.of(f -> Messages.t("settings.fontSize." + f.name())));
        font.setValue(prefs.fontSize());
        form.field(Messages.t("settings.fontSize"), false, font, null);

        form.field(Messages.t("settings.dataDir"), false, new Label(ctx.dataDir().toString()), null);

        Button apply = new Button(Messages.t("common.save"));
        apply.setId("applySettings");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> {
            prefs.setLocale(language.getValue());
            prefs.setTheme(theme.getValue());
            prefs.setFontSize(font.getValue());
            onApply.run();
        });
        root = new VBox(12, form, apply);
        root.setPadding(new Insets(16));
    }

    @Override
    public Node node() {
        return root;
    }
}
