package dev.orathin.jdbc.internal;

import dev.orathin.jdbc.JdbcErrorCode;
import java.sql.SQLException;

/** {@code unwrap} and {@code isWrapperFor} for every JDBC object: the object itself, then the orathin object it wraps. */
final class Wrappers {

    private Wrappers() {
    }

    static <T> T unwrap(Object self, Object wrapped, Class<T> type) throws SQLException {
        if (type != null && type.isInstance(self)) {
            return type.cast(self);
        }
        if (type != null && wrapped != null && type.isInstance(wrapped)) {
            return type.cast(wrapped);
        }
        throw Errors.error(JdbcErrorCode.NOT_A_WRAPPER, "not a wrapper for " + (type == null ? "null" : type.getName()));
    }

    static boolean isWrapperFor(Object self, Object wrapped, Class<?> type) {
        return type != null && (type.isInstance(self) || wrapped != null && type.isInstance(wrapped));
    }
}
