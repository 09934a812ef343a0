package org.huyou.common;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a service when input breaks a rule; carries every problem found, not just the first. */
public class ValidationException extends UserFacingException {

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation.failed");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String userMessage() {
        return errors.stream().map(FieldError::message).collect(Collectors.joining("\n"));
    }
}
