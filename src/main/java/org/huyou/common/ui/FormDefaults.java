package org.huyou.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.Property;

/**
 * What a form's fields start with (ADR 0014, no nodes): a ViewModel names each form's fields once, and the form goes
 * back to them after a successful save and when another resident is opened, dates and pickers as well as texts. A
 * field's value that the save did not take (typed on while the work ran) is left as it is.
 */
public final class FormDefaults {

    private record Field<T>(Property<T> property, Supplier<? extends T> start) {
        void reset() {
            property.setValue(start.get());
        }
    }

    /** The values a form held when its command was given, in the order of its fields. */
    public static final class Taken {
        private final List<Object> values;

        private Taken(List<Object> values) {
            this.values = values;
        }
    }

    private final List<Field<?>> fields = new ArrayList<>();

    /** A form of these fields, each starting with the value it holds now. */
    public static FormDefaults of(Property<?>... fields) {
        FormDefaults form = new FormDefaults();
        for (Property<?> p : fields) {
            form.now(p);
        }
        return form;
    }

    private <T> void now(Property<T> p) {
        T value = p.getValue();
        fields.add(new Field<>(p, () -> value));
    }

    /** A field that starts with what {@code start} gives each time (today), set to it now. */
    public <T> FormDefaults with(Property<T> field, Supplier<? extends T> start) {
        Field<T> f = new Field<>(field, start);
        fields.add(f);
        f.reset();
        return this;
    }

    /** Every field back to its start. */
    public void reset() {
        fields.forEach(Field::reset);
    }

    /** What the fields hold now: handed to {@link #resetUnchanged} once the work that read them is done. */
    public Taken taken() {
        List<Object> values = new ArrayList<>();
        fields.forEach(f -> values.add(f.property().getValue()));
        return new Taken(values);
    }

    /** The fields still holding what was {@link #taken} back to their start; the others keep what was typed since. */
    public void resetUnchanged(Taken taken) {
        for (int i = 0; i < fields.size(); i++) {
            if (Objects.equals(fields.get(i).property().getValue(), taken.values.get(i))) {
                fields.get(i).reset();
            }
        }
    }
}
