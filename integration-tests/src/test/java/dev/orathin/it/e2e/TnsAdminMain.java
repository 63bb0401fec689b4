package dev.orathin.it.e2e;

import dev.orathin.OracleConnection;
import dev.orathin.Orathin;
import dev.orathin.errors.OrathinException;

/**
 * Run in a child JVM by {@link SeedFlowIT} so that {@code TNS_ADMIN} is a real environment
 * variable: connects with no config directory and no wallet location (thick-style layout), uses
 * the connection and prints {@code OK route} or {@code ERR OTN-nnnn message}.
 */
public final class TnsAdminMain {

    private TnsAdminMain() {
    }

    /** Arguments: dsn user; the password is read from the environment variable {@code ORATHIN_IT_PASSWORD}. */
    public static void main(String[] args) {
        char[] pw = System.getenv("ORATHIN_IT_PASSWORD").toCharArray();
        try (OracleConnection c = Orathin.connect(null, args[0], args[1], pw, null, null)) {
            Fixtures.use(c);
            System.out.println("OK " + c.connectTrace().route());
        } catch (OrathinException e) {
            System.out.println("ERR " + e.code() + " " + e.getMessage().replace('\n', ' '));
        }
        System.exit(0);
    }
}
