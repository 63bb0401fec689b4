/**
 * Oracle wallets (ewallet.pem, ewallet.p12, cwallet.sso, wallet.zip, in-memory) read into keys,
 * certificate chains and trust anchors, without Oracle libraries. Also home of the shared error
 * code base ({@code dev.orathin.errors}) used by every orathin module.
 */
module dev.orathin.wallet {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports dev.orathin.errors;
    exports dev.orathin.io;
    exports dev.orathin.wallet;
}
