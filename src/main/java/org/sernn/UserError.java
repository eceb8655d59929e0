package org.sernn;

/**
 * A mistake in what the user gave sernn (a config, a file, an option). The command line prints
 * the message alone, with no stack trace, and exits with status 2. Messages name the file, the
 * key, the value and what is allowed.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
