/**
 * The {@code orathin} command line tool (demo, sql, wallet, resolve, doctor, testkit serve) and
 * small example programs.
 */
module dev.orathin.examples {
    requires dev.orathin.core;
    requires dev.orathin.testkit;

    exports dev.orathin.examples;
}
