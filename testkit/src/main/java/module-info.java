/**
 * An in-process Oracle Net server (listener and database) for tests and demos. Written
 * independently of the client's codecs: it does not read the {@code transport} or {@code core}
 * modules.
 */
module dev.orathin.testkit {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires com.h2database;
    requires java.sql;
    requires static org.junit.jupiter.api;

    exports dev.orathin.testkit;
    // the extension point for custom server behaviour (tests of the client's failure handling)
    exports dev.orathin.testkit.spi;
    exports dev.orathin.testkit.junit;
}
