package org.huyou.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A record as it was opened here (base), as edited here (mine) and as someone else saved it meanwhile (theirs): which
 * fields differ between the two saves, which side changed each, and a merge taking chosen fields from theirs. The
 * identity and version always come from theirs, so a merged record saves over the stored one.
 */
public final class RecordMerge {

    private static final Set<String> IDENTITY = Set.of("id", "version");

    /** One field on which this form and the stored record disagree. */
    public record Difference(String field, Object mine, Object theirs, boolean changedHere, boolean changedThere) {

        /** Both sides changed it since the form was opened: a person has to choose. */
        public boolean bothChanged() {
            return changedHere && changedThere;
        }

        /** Unless told otherwise a merge keeps whichever side changed the field, and this form's input when both did. */
        public boolean takesTheirsByDefault() {
            return changedThere && !changedHere;
        }
    }

    private RecordMerge() {}

    /** The fields (in declaration order) where mine and theirs differ; id and version left out. */
    public static <R extends Record> List<Difference> differences(R base, R mine, R theirs) {
        List<Difference> out = new ArrayList<>();
        for (RecordComponent c : mine.getClass().getRecordComponents()) {
            if (IDENTITY.contains(c.getName())) {
                continue;
            }
            Object m = value(c, mine);
            Object t = value(c, theirs);
            if (!Objects.equals(m, t)) {
                Object b = value(c, base);
                out.add(new Difference(c.getName(), m, t, !Objects.equals(b, m), !Objects.equals(b, t)));
            }
        }
        return out;
    }

    /** Mine with the named fields taken from theirs, and theirs' id and version. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R merge(R mine, R theirs, Set<String> takeTheirs) {
        RecordComponent[] components = mine.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            boolean fromTheirs = IDENTITY.contains(c.getName()) || takeTheirs.contains(c.getName());
            values[i] = value(c, fromTheirs ? theirs : mine);
            types[i] = c.getType();
        }
        try {
            Constructor<?> canonical = mine.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true); // records declared inside a class are not public
            return (R) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rebuild " + mine.getClass().getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            Method accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
