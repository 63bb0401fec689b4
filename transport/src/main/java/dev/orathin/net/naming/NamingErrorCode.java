package dev.orathin.net.naming;

import dev.orathin.errors.ErrorCode;

/** Stable codes of configuration and naming failures (1xxx). */
public enum NamingErrorCode implements ErrorCode {
    /** No configuration directory: no argument, TNS_ADMIN or ORACLE_HOME. */
    NO_CONFIG_DIR(1001, "no configuration directory"),
    /** The configuration directory has no tnsnames.ora. */
    NO_TNSNAMES(1002, "tnsnames.ora not found"),
    /** The alias is not defined in tnsnames.ora (or its IFILEs). */
    ALIAS_NOT_FOUND(1003, "alias not found"),
    /** A file could not be read. */
    UNREADABLE_FILE(1004, "file could not be read"),
    /** A file is not text (binary content). */
    NOT_TEXT(1005, "file is not text"),
    /** IFILE includes form a cycle. */
    IFILE_CYCLE(1006, "IFILE cycle"),
    /** IFILE nesting deeper than allowed. */
    IFILE_TOO_DEEP(1007, "IFILE nesting too deep"),
    /** A configuration file or wallet.zip is larger than its documented limit (docs/security.md). */
    FILE_TOO_LARGE(1008, "configuration file over its size limit"),
    /** A configuration path is a directory, device, FIFO or socket where a file is needed; it is never opened. */
    NOT_A_REGULAR_FILE(1009, "configuration path is not a regular file"),
    /** Parentheses do not balance. */
    UNBALANCED_PARENTHESES(1010, "unbalanced parentheses"),
    /** A '=' was expected. */
    MISSING_EQUALS(1011, "missing '='"),
    /** A keyword appears twice where it may appear once. */
    DUPLICATE_KEY(1012, "duplicate keyword"),
    /** A keyword has no value. */
    EMPTY_VALUE(1013, "empty value"),
    /** Other descriptor syntax error. */
    SYNTAX_ERROR(1014, "connect descriptor syntax error"),
    /** Nesting deeper than any real descriptor. */
    TOO_DEEP(1015, "descriptor nested too deeply"),
    /** A descriptor, an entry or one value is longer than its documented limit. */
    TOO_LONG(1016, "descriptor or value too long"),
    /** A value is outside its allowed range or form. */
    INVALID_VALUE(1020, "invalid parameter value"),
    /** PROTOCOL is neither tcp nor tcps. */
    UNSUPPORTED_PROTOCOL(1021, "unsupported protocol"),
    /** An address lacks HOST. */
    MISSING_HOST(1022, "address without HOST"),
    /** A descriptor without any address. */
    NO_ADDRESS(1023, "descriptor without an address"),
    /** An Easy Connect string that does not parse. */
    BAD_EASY_CONNECT(1030, "invalid Easy Connect string"),
    /** A wallet.zip used as config source could not be read. */
    BAD_CONFIG_ZIP(1040, "invalid wallet.zip configuration source"),
    /** A wallet.zip used as config source has too many entries, too many bytes, or one name twice. */
    CONFIG_ZIP_LIMIT(1041, "wallet.zip configuration source over a limit or ambiguous");

    private final int number;
    private final String summary;

    NamingErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
