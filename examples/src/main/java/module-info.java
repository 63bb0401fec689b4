/**
 * The {@code orathin} command line tool (demo, sql, wallet, resolve, doctor, testkit serve) and
 * small example programs.
 */
module dev.orathin.examples {
    requires dev.orathin.core;
    requires dev.orathin.testkit;
    requires dev.orathin.jdbc;
    requires com.zaxxer.hikari;
    requires info.picocli;
    requires littleproxy;
    requires java.naming;

    exports dev.orathin.examples;
    exports dev.orathin.examples.cli;
    // picocli reads and writes the annotated option fields reflectively
    opens dev.orathin.examples.cli to info.picocli;
}
