package org.huyou.common.ui;

import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.huyou.common.ValidationException;

/**
 * The field a command's refusal names, for the View to mark and focus ({@link FieldMarks}): a ViewModel says the
 * sentence through its {@link Notices} and, through this, which of its form's fields it is about. The field is given
 * by the id of the View's control; a service names its own fields ("headCount"), so each command says which of its
 * controls stands for which.
 */
public final class RefusedField {

    private final ReadOnlyStringWrapper field = new ReadOnlyStringWrapper("");
    private final Notices notices;

    public RefusedField(Notices notices) {
        this.notices = notices;
    }

    /**
     * What a command does with its failure: the first field it names becomes the refused one ({@code ids} turns a
     * service's field name into the control's id; a name not in it is taken as the id itself), then the sentence.
     */
    public Consumer<Throwable> naming(Map<String, String> ids) {
        return failure -> {
            field.set(""); // the same field refused twice is marked and focused again
            if (failure instanceof ValidationException invalid
                    && !invalid.errors().isEmpty()) {
                String named = invalid.errors().get(0).field();
                field.set(ids.getOrDefault(named, named));
            }
            notices.showError(failure);
        };
    }

    /** As {@link #naming(Map)} where the failure names the controls' own ids (a number read by InlineForms). */
    public void showError(Throwable failure) {
        naming(Map.of()).accept(failure);
    }

    /** Nothing refused now (a command went through). */
    public void clear() {
        field.set("");
    }

    /** The id of the control last refused, or empty. */
    public ReadOnlyStringProperty fieldProperty() {
        return field.getReadOnlyProperty();
    }
}
