/**
 * Public wallet API: {@link dev.orathin.wallet.Wallet} and its loaders.
 */
package dev.orathin.wallet;
