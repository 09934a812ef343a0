package org.huyou.common;

/** A problem with one field of a form or an import row, as a message key and its arguments. */
public record FieldError(String field, String messageKey, Object... args) {

    public String message() {
        return Messages.t(messageKey, args);
    }
}
