package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.huyou.common.Messages;
import org.huyou.common.io.HeaderMapping;
import org.huyou.common.io.ImportField;

/**
 * The mapping step of every import: each column of the file beside a choice of the field it goes to (guessed from
 * its header, changeable, or "ignore this column"). The choices are what the importer's preview is given.
 */
public final class ColumnMappingPane extends VBox {

    /** One column of the file and the field chosen for it (a field key, {@link HeaderMapping#IGNORE}, or none). */
    public static final class Choice {
        private final String header;
        private final ObjectProperty<String> field;

        public Choice(String header, String field) {
            this.header = header;
            this.field = new SimpleObjectProperty<>(field);
        }

        public String header() {
            return header;
        }

        public ObjectProperty<String> fieldProperty() {
            return field;
        }
    }

    /** The choices as an importer takes them: header → field key or "ignore"; columns left unchosen are guessed. */
    public static Map<String, String> mapping(List<Choice> choices) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Choice c : choices) {
            if (c.field.get() != null) {
                m.put(c.header, c.field.get());
            }
        }
        return m;
    }

    private final GridPane grid = new GridPane();

    public ColumnMappingPane(ObservableList<Choice> choices, List<ImportField> fields) {
        super(6);
        setId("columnMapping");
        Label hint = new Label(Messages.t("import.mappingHint"));
        hint.setWrapText(true);
        grid.setHgap(12);
        grid.setVgap(4);
        getChildren().addAll(hint, grid);
        choices.addListener((ListChangeListener<Choice>) change -> build(choices, fields));
        build(choices, fields);
    }

    private void build(List<Choice> choices, List<ImportField> fields) {
        grid.getChildren().clear();
        grid.addRow(0, new Label(Messages.t("import.col.fileColumn")), new Label(Messages.t("import.col.field")));
        List<String> keys = new ArrayList<>();
        keys.add(HeaderMapping.IGNORE);
        fields.forEach(f -> keys.add(f.key()));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(HeaderMapping.IGNORE, Messages.t("import.ignoreColumn"));
        fields.forEach(f -> labels.put(f.key(), f.label() + (f.required() ? " *" : "")));
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            ComboBox<String> box = new ComboBox<>();
            box.setId("mapColumn" + i);
            box.getItems().setAll(keys);
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(String key) {
                    return key == null ? "" : labels.getOrDefault(key, key);
                }

                @Override
                public String fromString(String s) {
                    return labels.entrySet().stream()
                            .filter(e -> e.getValue().equals(s))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(null);
                }
            });
            box.setPromptText(Messages.t("import.col.field"));
            box.valueProperty().bindBidirectional(c.fieldProperty());
            Label header = new Label(c.header());
            header.setLabelFor(box);
            grid.addRow(i + 1, header, box);
        }
    }
}
