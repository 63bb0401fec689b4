/**
 * Bounded reading of untrusted input files and zip archives, shared by every orathin module that
 * reads a file (wallets, tnsnames.ora/sqlnet.ora, the CLI's password files). It lives in the wallet
 * module because that is the lowest layer; it has no orathin dependencies and throws only
 * {@link java.io.IOException}s, which each module maps to its own typed {@code OTN-nnnn} error.
 */
package dev.orathin.io;
