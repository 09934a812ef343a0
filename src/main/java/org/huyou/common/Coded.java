package org.huyou.common;

import java.util.Optional;

/**
 * An enum stored by its name and shown by a translated label under {@code <prefix>.<NAME>}.
 * Imports accept the code, the Chinese label or the English label.
 */
public interface Coded {

    String name();

    String labelPrefix();

    default String label() {
        return Messages.t(labelPrefix() + "." + name());
    }

    /** Finds the constant whose code or label (in either language) is {@code text}. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            String key = e.labelPrefix() + "." + e.name();
            if (e.name().equalsIgnoreCase(t)
                    || t.equals(Messages.load(Messages.CHINESE).getString(key))
                    || t.equalsIgnoreCase(Messages.load(Messages.ENGLISH).getString(key))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
