package dev.orathin.errors;

/**
 * A stable orathin error code: a number that never changes meaning once released, shown as
 * {@code OTN-nnnn}.
 *
 * <p>Numbers are banded by layer so the code alone says where a failure happened:
 * <ul>
 *   <li>1xxx configuration and naming (tnsnames.ora, Easy Connect, sqlnet.ora, parameters)</li>
 *   <li>2xxx wallets (files, formats, passwords, certificates)</li>
 *   <li>3xxx transport (DNS, TCP, TLS, HTTPS proxy, timeouts)</li>
 *   <li>4xxx Oracle Net protocol (CONNECT/ACCEPT/REFUSE/REDIRECT/RESEND, malformed packets)</li>
 *   <li>5xxx TTC protocol and authentication</li>
 *   <li>6xxx errors reported by the database (they also carry the ORA number)</li>
 *   <li>7xxx JDBC layer</li>
 *   <li>9xxx not supported and internal errors</li>
 * </ul>
 * Each module declares its codes in one enum implementing this interface; a test in
 * {@code integration-tests} checks that no number is used twice across modules.
 */
public interface ErrorCode {

    /** The stable number, unique across all orathin modules. */
    int number();

    /** A short, constant description of the failure class (no variable details, no secrets). */
    String summary();

    /** The code as printed in messages, for example {@code OTN-2003}. */
    default String code() {
        return format(number());
    }

    /** Formats a number as an orathin code ({@code OTN-} and four digits). */
    static String format(int number) {
        return String.format("OTN-%04d", number);
    }
}
