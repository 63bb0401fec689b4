package dev.orathin.errors;

import java.util.Objects;

/**
 * Base of every exception orathin throws on purpose: carries a stable {@link ErrorCode} and a
 * message that puts context first (where: file:line, address, handshake step), then what was
 * expected and what was found.
 *
 * <p>Unchecked, because the lower layers (wallet, transport) must not depend on {@code java.sql}
 * and callers usually handle failures at one place. Catch the layer's subclass and read
 * {@link #errorCode()}. Messages never contain passwords, keys or session keys.
 */
public abstract class OrathinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;
    private final String detail;

    /**
     * @param errorCode the stable code
     * @param detail the human-readable detail, already free of secrets
     * @param cause the underlying cause, or {@code null}
     */
    protected OrathinException(ErrorCode errorCode, String detail, Throwable cause) {
        super(Objects.requireNonNull(errorCode, "errorCode").code() + ": " + detail, cause);
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /**
     * The message without its {@code OTN-nnnn: } prefix: what a caller shows beside the code
     * (never parse it; subclasses carry their facts as fields).
     */
    public String detail() {
        return detail;
    }

    /** The stable code of this failure. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Whether retrying the same operation (on a new connection when this one was lost) may
     * succeed without changes: {@link ErrorCode#isTransient()} of the code; database errors
     * decide by their ORA number.
     */
    public boolean isTransient() {
        return errorCode.isTransient();
    }

    /** The code as text, for example {@code OTN-2003}. */
    public String code() {
        return errorCode.code();
    }
}
