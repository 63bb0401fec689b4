package dev.orathin;

import java.util.Objects;

/**
 * A bind placeholder for a PL/SQL OUT or IN OUT parameter; after the call its value is read with
 * {@link Cursor#outValue(int)}.
 *
 * <pre>{@code
 * try (Cursor c = conn.execute("begin :1 := upper(:2); end;", OutParam.of(OracleType.VARCHAR2), "abc")) {
 *     String s = (String) c.outValue(1);
 * }
 * }</pre>
 */
public final class OutParam {

    private final OracleType type;
    private final Object inValue;
    private final boolean inOut;

    private OutParam(OracleType type, Object inValue, boolean inOut) {
        this.type = Objects.requireNonNull(type, "type");
        this.inValue = inValue;
        this.inOut = inOut;
    }

    /** An OUT parameter of the given type. */
    public static OutParam of(OracleType type) {
        return new OutParam(type, null, false);
    }

    /** An IN OUT parameter of the given type with its input value (may be null). */
    public static OutParam inOut(OracleType type, Object value) {
        return new OutParam(type, value, true);
    }

    /** The declared type. */
    public OracleType type() {
        return type;
    }

    /** The input value (null for OUT). */
    public Object inValue() {
        return inValue;
    }

    /** True for IN OUT. */
    public boolean isInOut() {
        return inOut;
    }

    @Override
    public String toString() {
        return "OutParam[" + type + (inOut ? ", in out" : "") + "]";
    }
}
