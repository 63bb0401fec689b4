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
    exports dev.orathin.testkit.internal;
    exports dev.orathin.testkit.internal.ttcserver;
    exports dev.orathin.testkit.junit;
}
