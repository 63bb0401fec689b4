package dev.orathin.net.internal.session;

import dev.orathin.net.internal.packet.Packets;

/** How the Oracle Net exchange of one hop ended when it did not fail: the session is open, or go elsewhere. */
sealed interface NsAnswer {

    /** ACCEPT: the session is open. */
    record Accepted(NettyNetSession session) implements NsAnswer {
    }

    /** REDIRECT: connect to the address it names (with its connect data, if any). */
    record Redirected(Packets.Redirect redirect) implements NsAnswer {
    }
}
