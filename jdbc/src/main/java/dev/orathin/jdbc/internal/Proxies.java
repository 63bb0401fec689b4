package dev.orathin.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The JDBC interfaces are implemented as dynamic proxies over small handlers: each handler answers
 * the methods orathin supports and every other method throws {@code SQLFeatureNotSupportedException}
 * naming it — so nothing silently does nothing.
 */
final class Proxies {

    private Proxies() {
    }

    /** A handler for one JDBC object. */
    abstract static class Handler implements InvocationHandler {
        Object self;
        final Object target;

        Handler(Object target) {
            this.target = target;
        }

        /** Answers a method, or returns {@link #UNHANDLED}. */
        abstract Object handle(String name, Method m, Object[] args) throws Throwable;

        @Override
        public final Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            Object[] a = args == null ? new Object[0] : args;
            switch (m.getName()) {
                case "toString":
                    if (a.length == 0) {
                        return getClass().getSimpleName().replace("Handler", "") + "[" + target + "]";
                    }
                    break;
                case "hashCode":
                    if (a.length == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "equals":
                    if (a.length == 1) {
                        return proxy == a[0];
                    }
                    break;
                case "unwrap":
                    if (a.length == 1) {
                        Class<?> c = (Class<?>) a[0];
                        if (c.isInstance(proxy)) {
                            return proxy;
                        }
                        if (target != null && c.isInstance(target)) {
                            return target;
                        }
                        throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.NOT_A_WRAPPER, "not a wrapper for " + c.getName());
                    }
                    break;
                case "isWrapperFor":
                    if (a.length == 1) {
                        Class<?> c = (Class<?>) a[0];
                        return c.isInstance(proxy) || target != null && c.isInstance(target);
                    }
                    break;
                default:
                    break;
            }
            try {
                Object r = handle(m.getName(), m, a);
                if (r != UNHANDLED) {
                    return r;
                }
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            throw Errors.notSupported(m.getDeclaringClass().getSimpleName() + "." + m.getName());
        }
    }

    /**
     * A handler for a closeable JDBC object (statement, result set): {@code close} and
     * {@code isClosed} here, every other call refused once closed, orathin failures translated.
     */
    abstract static class ClosableHandler extends Handler {
        private final String what;
        boolean closed;

        ClosableHandler(Object target, String what) {
            super(target);
            this.what = what;
        }

        /** Releases what the object holds. */
        abstract void onClose();

        /** Checks before each call on an open object (e.g. its connection is still open). */
        void checkUsable() throws SQLException {
        }

        /** Answers a call on an open object, or returns {@link #UNHANDLED}. */
        abstract Object dispatch(String name, Method m, Object[] a) throws SQLException;

        @Override
        final Object handle(String name, Method m, Object[] a) throws Throwable {
            if (name.equals("close")) {
                onClose();
                closed = true;
                return null;
            }
            if (name.equals("isClosed")) {
                return closed;
            }
            if (closed) {
                throw Errors.error(dev.orathin.jdbc.JdbcErrorCode.OBJECT_CLOSED, "the " + what + " is closed");
            }
            checkUsable();
            try {
                return dispatch(name, m, a);
            } catch (dev.orathin.errors.OrathinException e) {
                throw Errors.translate(e);
            }
        }
    }

    /** Marker: the handler does not implement the method. */
    static final Object UNHANDLED = new Object();

    @SuppressWarnings("unchecked")
    static <T extends Wrapper> T create(Class<T> type, Handler h, Class<?>... more) {
        Class<?>[] types = new Class<?>[more.length + 1];
        types[0] = type;
        System.arraycopy(more, 0, types, 1, more.length);
        T proxy = (T) Proxy.newProxyInstance(Proxies.class.getClassLoader(), types, h);
        h.self = proxy;
        return proxy;
    }
}
