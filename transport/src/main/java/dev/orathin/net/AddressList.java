package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.util.List;
import java.util.Map;

/**
 * An ADDRESS_LIST (or the implicit list of addresses directly under a DESCRIPTION): entries and
 * the FAILOVER / LOAD_BALANCE / SOURCE_ROUTE flags that govern them.
 *
 * @param entries addresses and nested lists, in written order
 * @param params the list's own parameters
 */
public record AddressList(List<AddressNode> entries, Map<String, Param> params) implements AddressNode {

    /** Copies. */
    public AddressList {
        entries = List.copyOf(entries);
        params = Params.copy(params);
    }

    /** FAILOVER (default on). */
    public boolean failover() {
        return Params.bool(params, "FAILOVER").orElse(true);
    }

    /** LOAD_BALANCE (default off). */
    public boolean loadBalance() {
        return Params.bool(params, "LOAD_BALANCE").orElse(false);
    }

    /** SOURCE_ROUTE (default off). */
    public boolean sourceRoute() {
        return Params.bool(params, "SOURCE_ROUTE").orElse(false);
    }

    /** Every address in this list and its nested lists, in written order. */
    public List<Address> addresses() {
        List<Address> out = new java.util.ArrayList<>();
        for (AddressNode n : entries) {
            if (n instanceof Address a) {
                out.add(a);
            } else {
                out.addAll(((AddressList) n).addresses());
            }
        }
        return out;
    }
}
