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

    /**
     * Whether the same operation may succeed when simply tried again (possibly on a new
     * connection) without the caller changing anything: a network loss, a timeout, a listener
     * that is not ready yet. False for mistakes in the call, the configuration or the wallet,
     * which fail the same way every time. The model is r2dbc's transient / non-transient split.
     * Defaults to false; enums override it for their transient codes.
     */
    default boolean isTransient() {
        return false;
    }

    /** The layer this code belongs to, from its thousands digit. */
    default Band band() {
        return Band.of(number());
    }

    /** The code as printed in messages, for example {@code OTN-2003}. */
    default String code() {
        return format(number());
    }

    /** Formats a number as an orathin code ({@code OTN-} and four digits). */
    static String format(int number) {
        return String.format("OTN-%04d", number);
    }

    /** The layers of the numbering scheme, one per thousands digit (see the class comment). */
    enum Band {
        /** 1xxx configuration and naming. */
        CONFIG,
        /** 2xxx wallets. */
        WALLET,
        /** 3xxx transport: DNS, TCP, TLS, HTTPS proxy, timeouts. */
        TRANSPORT,
        /** 4xxx Oracle Net protocol. */
        NET_PROTOCOL,
        /** 5xxx TTC protocol and authentication. */
        TTC,
        /** 6xxx errors reported by the database. */
        DATABASE,
        /** 7xxx JDBC layer. */
        JDBC,
        /** 9xxx not supported and internal errors. */
        UNSUPPORTED,
        /** A number outside every band (a bug in the code's declaration). */
        UNKNOWN;

        /** The band of a code number. */
        public static Band of(int number) {
            return switch (number / 1000) {
                case 1 -> CONFIG;
                case 2 -> WALLET;
                case 3 -> TRANSPORT;
                case 4 -> NET_PROTOCOL;
                case 5 -> TTC;
                case 6 -> DATABASE;
                case 7 -> JDBC;
                case 9 -> UNSUPPORTED;
                default -> UNKNOWN;
            };
        }
    }
}
