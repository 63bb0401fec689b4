package dev.orathin.net;

import dev.orathin.net.internal.naming.Params;
import java.util.List;
import java.util.Map;

/**
 * The fully resolved connect target: one or more descriptions and how to choose among them.
 *
 * @param descriptions the descriptions in written order
 * @param params DESCRIPTION_LIST parameters (FAILOVER, LOAD_BALANCE, SOURCE_ROUTE)
 */
public record DescriptionList(List<Description> descriptions, Map<String, Param> params) {

    /** Copies and validates. */
    public DescriptionList {
        descriptions = List.copyOf(descriptions);
        params = Params.copy(params);
        if (descriptions.isEmpty()) {
            throw new IllegalArgumentException("a description list needs at least one description");
        }
    }

    /** FAILOVER (default on). */
    public boolean failover() {
        return Params.bool(params, "FAILOVER").orElse(true);
    }

    /**
     * LOAD_BALANCE: default <b>on</b> for a real DESCRIPTION_LIST (the reference and ojdbc; python
     * defaults it off). A single description is not shuffled.
     */
    public boolean loadBalance() {
        return Params.bool(params, "LOAD_BALANCE").orElse(true);
    }
}
