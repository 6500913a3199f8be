package io.rtmtoken.problem;

import java.util.List;

/** A request whose parameters break the endpoint's rules; answered with 400 and the list of errors. */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ParameterError> errors;

    public InvalidRequestException(List<ParameterError> errors) {
        super(errors.get(0).sentence(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<ParameterError> errors() {
        return errors;
    }
}
