/**
 * Helpers for the end-to-end and interop suites: runners for node-oracledb and python-oracledb
 * as external processes. The tests themselves live in {@code src/test}.
 */
module dev.orathin.it {
    requires dev.orathin.core;
    requires dev.orathin.testkit;

    exports dev.orathin.it;
}
