package dev.orathin.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The ordered routes of a connect, grouped by DESCRIPTION, each with its own RETRY_COUNT and
 * RETRY_DELAY (the reference and ojdbc: retries are per description). Built by the planner from
 * the descriptor model, or by hand.
 *
 * @param descriptions the descriptions in the order they are tried
 */
public record AttemptPlan(List<DescriptionPlan> descriptions) {

    /** Copies and validates. */
    public AttemptPlan {
        descriptions = List.copyOf(descriptions);
        if (descriptions.isEmpty()) {
            throw new IllegalArgumentException("an attempt plan needs at least one description");
        }
    }

    /** A plan with one route, tried once. */
    public static AttemptPlan single(Route route) {
        return new AttemptPlan(List.of(new DescriptionPlan(List.of(route), 0, Duration.ZERO)));
    }

    /** A plan with routes tried in order, once. */
    public static AttemptPlan of(List<Route> routes) {
        return new AttemptPlan(List.of(new DescriptionPlan(routes, 0, Duration.ZERO)));
    }

    /**
     * The routes of one DESCRIPTION and its retry rule.
     *
     * @param routes routes in the order of one pass
     * @param retryCount extra passes after the first (RETRY_COUNT)
     * @param retryDelay pause between passes (RETRY_DELAY)
     */
    public record DescriptionPlan(List<Route> routes, int retryCount, Duration retryDelay) {
        /** Copies and validates. */
        public DescriptionPlan {
            routes = List.copyOf(routes);
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("a description needs at least one address");
            }
            if (retryCount < 0) {
                throw new IllegalArgumentException("RETRY_COUNT must be >= 0, was " + retryCount);
            }
            retryDelay = Objects.requireNonNullElse(retryDelay, Duration.ZERO);
        }
    }
}
