package org.huyou.common.ui;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;
import org.huyou.common.Messages;

/** Table columns of text, headed by a translated key. */
public final class Columns {

    private Columns() {
    }

    public static <S> TableColumn<S, String> text(String headerKey, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(Messages.t(headerKey));
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
