package io.cairn.fhir.bulk;

import io.cairn.contracts.events.RecordCategory;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a service gives a Bulk Data export: each of its resource types, every record of them (changed since a time),
 * with the patient it belongs to and the record category a Part 2 consent must release for an EHR to have it.
 */
public interface BulkExportSource {

    /** Rows read from the database at a time. */
    int FETCH_SIZE = 500;

    /** One record for the export. */
    record Exported(UUID patientId, RecordCategory category, Resource resource) {
    }

    /**
     * The query's rows as a stream read from the database a page at a time, read-only (never dirty-checked): what a
     * source answers {@link #export} with, so that an export of the whole program is never loaded at once.
     */
    static <T> Stream<T> streamed(PanacheQuery<T> query) {
        return query.withHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE).withHint(HibernateHints.HINT_READ_ONLY, true)
                .stream();
    }

    /**
     * {@link #streamed} of every row of an entity stamped with {@code updatedAt}, or of those changed after
     * {@code since} when it is not null: what a source of one entity answers {@link #export} with.
     */
    static <T> Stream<T> changedSince(Class<T> entity, Instant since) {
        EntityManager entities = Panache.getEntityManager(entity);
        String name = entities.getMetamodel().entity(entity).getName();
        TypedQuery<T> query = since == null ? entities.createQuery("FROM " + name, entity)
                : entities.createQuery("FROM " + name + " WHERE updatedAt > :since", entity).setParameter("since", since);
        return query.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
    }

    /** The resource types this service exports, such as {@code CarePlan} and {@code Goal}. */
    Set<String> exportedTypes();

    /**
     * The types among {@link #exportedTypes} that only staff may have: an EHR's export leaves them out, as no Part 2
     * consent releases them to it (a patient's consents, the care team's own worklist).
     */
    default Set<String> staffOnlyTypes() {
        return Set.of();
    }

    /**
     * The records of the types (each one of {@link #exportedTypes}), changed since {@code since} when it is not null.
     * The export keeps those whose {@code meta.lastUpdated} is after {@code since}; a source may leave out sooner the
     * records it knows unchanged. Called in a transaction, without a caller: the export decides who may have each.
     * The stream is read once, and closed, by the export, which stores what it keeps as it goes.
     */
    Stream<Exported> export(Set<String> types, Instant since);
}
