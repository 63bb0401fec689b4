/**
 * A JDBC driver ({@code jdbc:orathin:@...}) and {@code DataSource} over orathin's core API, for
 * services that use a connection pool (HikariCP) or a framework (Spring) rather than the core API.
 */
module dev.orathin.jdbc {
    requires transitive java.sql;
    requires dev.orathin.core;

    exports dev.orathin.jdbc;

    provides java.sql.Driver with dev.orathin.jdbc.OrathinDriver;
}
