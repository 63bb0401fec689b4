package dev.orathin.testkit.junit;

import dev.orathin.testkit.OracleTestServer;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts an {@link OracleTestServer} before the tests and closes it after.
 * Registered on a static field it serves the whole class; on an instance field, each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OracleTestServerExtension db = new OracleTestServerExtension(OracleTestServer.builder().tcps().service("demo_high"));
 *
 * @Test void connects(OracleTestServer server) { ... server.port() ... }
 * }</pre>
 */
public final class OracleTestServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final OracleTestServer.Builder builder;
    private OracleTestServer server;
    private boolean perClass;

    /** An extension for a server built from {@code builder}. */
    public OracleTestServerExtension(OracleTestServer.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The running server. */
    public OracleTestServer server() {
        if (server == null) {
            throw new IllegalStateException("the testkit server is not running (extension not registered?)");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        server = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            server = builder.build().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == OracleTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return server();
    }
}
