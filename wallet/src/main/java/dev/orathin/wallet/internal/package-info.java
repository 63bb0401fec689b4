/**
 * Wallet file readers (PKCS#12, PEM, cwallet.sso) and the crypto they need; not exported.
 */
package dev.orathin.wallet.internal;
