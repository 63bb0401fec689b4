/**
 * JMH benchmarks and a cold-start harness comparing orathin with ojdbc11 on the testkit (run from
 * the shaded {@code benchmarks.jar}; not part of the tests).
 */
module dev.orathin.benchmarks {
    requires dev.orathin.core;
    requires dev.orathin.jdbc;
    requires dev.orathin.testkit;
    requires java.sql;
    requires java.management;
    requires jmh.core;

    exports dev.orathin.benchmarks;
    exports dev.orathin.benchmarks.jmh_generated;
}
