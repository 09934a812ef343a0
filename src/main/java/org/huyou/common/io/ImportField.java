package org.huyou.common.io;

import java.util.List;
import java.util.Locale;
import org.huyou.common.Messages;

/**
 * A field an import can fill: its key (as {@code --map} names it), the message key of its label, whether a file must
 * have it, and other headers homes use for it (出生年月 for 出生日期), from which a file's columns are guessed.
 */
public record ImportField(String key, String labelKey, boolean required, List<String> aliases) {

    public ImportField {
        aliases = List.copyOf(aliases);
    }

    public static ImportField of(String key, boolean required, String... aliases) {
        return new ImportField(key, "field." + key, required, List.of(aliases));
    }

    /** The label in the current language (the template's header). */
    public String label() {
        return Messages.t(labelKey);
    }

    /** Whether a header, as {@link HeaderMapping#normalize} leaves it, names this field. */
    boolean names(String normalized) {
        if (normalized.equals(HeaderMapping.normalize(key))
                || normalized.equals(
                        HeaderMapping.normalize(Messages.load(Messages.CHINESE).getString(labelKey)))
                || normalized.equals(
                        HeaderMapping.normalize(Messages.load(Messages.ENGLISH).getString(labelKey)))) {
            return true;
        }
        return aliases.stream().anyMatch(a -> normalized.equals(HeaderMapping.normalize(a)));
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
