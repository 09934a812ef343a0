package org.huyou.common.ui;

import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A button that acts on the selected row: off while nothing is selected, and off while the row's state forbids the
 * action, with the reason as its tooltip. A button enabled only to refuse after the click wastes the click and
 * reads as a fault; the service still refuses, this only stops offering what it will refuse.
 */
public final class RowAction {

    private static final Object REASON = new Object();

    private RowAction() {}

    /**
     * {@code whyNot}: the sentence saying why the row's state forbids the action (in the user's language), or null
     * when it may. Returns what goes into the layout: the button in a wrapper that carries the tooltip, since a
     * disabled control takes no mouse events and would never show its own.
     */
    public static <T> Node guard(Button button, ObservableValue<T> selected, Function<T, String> whyNot) {
        return guard(button, selected, whyNot, new Observable[0]);
    }

    /** As {@link #guard(Button, ObservableValue, Function)}, the reason read again when {@code also} changes. */
    public static <T> Node guard(
            Button button, ObservableValue<T> selected, Function<T, String> whyNot, Observable... also) {
        return guard(true, button, selected, whyNot, also);
    }

    /**
     * As {@link #guard(Button, ObservableValue, Function, Observable...)} for an action that may go without a row (a
     * walk-in checked in without a booking): on while nothing is selected, off while the selected row forbids it.
     */
    public static <T> Node guardIfSelected(
            Button button, ObservableValue<T> selected, Function<T, String> whyNot, Observable... also) {
        return guard(false, button, selected, whyNot, also);
    }

    private static <T> Node guard(
            boolean needsRow,
            Button button,
            ObservableValue<T> selected,
            Function<T, String> whyNot,
            Observable... also) {
        Observable[] deps = new Observable[also.length + 1];
        deps[0] = selected;
        System.arraycopy(also, 0, deps, 1, also.length);
        StackPane wrapper = new StackPane(button);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        StringBinding reason = Bindings.createStringBinding(
                () -> {
                    T row = selected.getValue();
                    return row == null ? null : whyNot.apply(row);
                },
                deps);
        button.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> (needsRow && selected.getValue() == null) || reason.get() != null, selected, reason));
        button.getProperties().put(REASON, reason);
        reason.addListener((o, before, why) -> show(wrapper, tip, why));
        show(wrapper, tip, reason.get());
        return wrapper;
    }

    /** The reason a guarded button is off for the selected row (its tooltip), or null when it is not. */
    public static String reason(Button button) {
        return button.getProperties().get(REASON) instanceof StringBinding b ? b.get() : null;
    }

    private static void show(Node wrapper, Tooltip tip, String why) {
        if (why == null) {
            Tooltip.uninstall(wrapper, tip);
        } else {
            tip.setText(why);
            Tooltip.install(wrapper, tip);
        }
    }
}
