package io.cairn.kit.api;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which records a sync asks for by identity and by when they last changed (FHIR's {@code _id},
 * {@code _lastUpdated} and {@code _sort=_lastUpdated}), as conditions on an entity's {@code id} and
 * {@code updatedAt}.
 *
 * @param ids only these, when not null
 * @param from changed at or after, when not null
 * @param to changed before, when not null
 */
public record Changes(Set<UUID> ids, Instant from, Instant to, Order order) {

    /** The order of the records. */
    public enum Order {
        /** The list's own order. */
        AS_LISTED,
        /** The least recently changed first: the order of incremental sync. */
        OLDEST_CHANGE_FIRST,
        /** The most recently changed first. */
        NEWEST_CHANGE_FIRST
    }

    /** Any record, in the list's own order. */
    public static final Changes ANY = new Changes(null, null, null, Order.AS_LISTED);

    /** Adds what this asks of a JPQL query's {@code where} and its parameters. */
    public void addTo(List<String> where, Parameters parameters) {
        if (ids != null) {
            where.add(ids.isEmpty() ? "1 = 0" : "id in :changeIds");
            if (!ids.isEmpty()) {
                parameters.and("changeIds", ids);
            }
        }
        if (from != null) {
            where.add("updatedAt >= :changedFrom");
            parameters.and("changedFrom", from);
        }
        if (to != null) {
            where.add("updatedAt < :changedTo");
            parameters.and("changedTo", to);
        }
    }

    /** The order asked, or the list's own. */
    public Sort sort(Sort listed) {
        return switch (order) {
            case AS_LISTED -> listed;
            case OLDEST_CHANGE_FIRST -> Sort.ascending("updatedAt", "id");
            case NEWEST_CHANGE_FIRST -> Sort.descending("updatedAt", "id");
        };
    }
}
