package org.huyou.common.ui;

import java.util.function.Function;
import javafx.util.StringConverter;
import org.huyou.common.Coded;
import org.huyou.common.HiddenCharacters;
import org.huyou.common.Messages;

/** Display converters for choice boxes: a value shown by a function, a null shown as a chosen text. */
public final class Converters {

    private Converters() {}

    public static <T> StringConverter<T> of(Function<T, String> show, String nullText) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                // a name stored with a hidden character shows it as □ (HiddenCharacters.shown)
                return t == null ? nullText : HiddenCharacters.shown(show.apply(t));
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }

    public static <T> StringConverter<T> of(Function<T, String> show) {
        return of(show, "");
    }

    /** Coded values by their label; null as "All" (for filters) . */
    public static <T extends Coded> StringConverter<T> codedOrAll() {
        return of(Coded::label, Messages.t("common.all"));
    }

    public static <T extends Coded> StringConverter<T> coded() {
        return of(Coded::label, "");
    }
}
