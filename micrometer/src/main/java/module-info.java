/**
 * Optional Micrometer adapter: {@link dev.orathin.micrometer.OrathinMetrics} records orathin's
 * calls and connects as Micrometer meters.
 */
module dev.orathin.micrometer {
    requires transitive dev.orathin.core;
    requires transitive micrometer.core;

    exports dev.orathin.micrometer;
}
