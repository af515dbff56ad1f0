package io.cairn.intake.domain.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/**
 * An EHR client's wish to be told when something happens on a topic, about one patient or about every patient whose
 * consent names it, by a signed POST to its endpoint. Only the client that made it sees or changes it.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Enumerated(EnumType.STRING)
    public SubscriptionTopic topic;
    /** The one patient it is about (filter {@code patient=Patient/{id}}), or null for every consenting patient. */
    @Column(name = "patient_id")
    public UUID patientId;
    public String endpoint;
    @Enumerated(EnumType.STRING)
    public PayloadContent content;
    /** The key each POST's body is signed with (HMAC-SHA256); never shown again once set. */
    public String secret;
    /** Headers sent with each POST, such as the endpoint's own {@code Authorization}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] headers;
    @Column(name = "heartbeat_seconds")
    public Integer heartbeatSeconds;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String reason;
    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;
    /** Why it went to {@code error}: the endpoint's last refusal. */
    public String error;
    /** Counted in the database as events are queued ({@link #nextEventNumber}), never written from the entity. */
    @Column(name = "events_since_start", updatable = false)
    public long eventsSinceStart;
    /** Written by the sender ({@link #sent}), never from the entity. */
    @Column(name = "last_sent_at", updatable = false)
    public Instant lastSentAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;

    /** Whether an event about this patient, now, is for this subscription. */
    public boolean wants(UUID patient, Instant now) {
        return status.isListening() && !hasEnded(now) && (patientId == null || patientId.equals(patient));
    }

    public boolean hasEnded(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /**
     * The next event's number (the IG's events-since-subscription-start), counted in the database. Its row lock also
     * holds other events for this subscription until this one commits, so that the queue's order is the order of the
     * commits.
     */
    public static long nextEventNumber(UUID id) {
        return ((Number) getEntityManager().createNativeQuery("UPDATE subscription SET events_since_start = "
                + "events_since_start + 1 WHERE id = ?1 RETURNING events_since_start").setParameter(1, id)
                .getSingleResult()).longValue();
    }

    /**
     * The endpoint took a notification: a handshake makes a requested subscription active. Written without the
     * entity's version, so that a delivery never fails on, or fails, a client's change or an event being queued.
     */
    public static void sent(UUID id, NotificationKind kind, Instant at) {
        getEntityManager().createNativeQuery("UPDATE subscription SET last_sent_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
        if (kind == NotificationKind.HANDSHAKE) {
            moveTo(id, SubscriptionStatus.REQUESTED, SubscriptionStatus.ACTIVE, null);
        }
    }

    /** The endpoint has refused for too long: sending stops, the queue waits for the client to ask again. */
    public static void failed(UUID id, String why) {
        moveTo(id, SubscriptionStatus.ACTIVE, SubscriptionStatus.ERROR, why);
        moveTo(id, SubscriptionStatus.REQUESTED, SubscriptionStatus.ERROR, why);
    }

    /** Its end passed. */
    public static void ended(UUID id) {
        moveTo(id, SubscriptionStatus.ACTIVE, SubscriptionStatus.OFF, null);
        moveTo(id, SubscriptionStatus.REQUESTED, SubscriptionStatus.OFF, null);
    }

    /** A heartbeat was queued: the next counts from it. */
    public static void heartbeatQueued(UUID id, Instant at) {
        getEntityManager().createNativeQuery("UPDATE subscription SET last_sent_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    /** A change of status the client sees moves the version, so that its next update knows of it. */
    private static void moveTo(UUID id, SubscriptionStatus from, SubscriptionStatus to, String error) {
        getEntityManager()
                .createNativeQuery("UPDATE subscription SET status = ?3, error = CAST(?4 AS TEXT), version = version + 1 "
                        + "WHERE id = ?1 AND status = ?2")
                .setParameter(1, id).setParameter(2, from.name())
                .setParameter(3, to.name()).setParameter(4, error).executeUpdate();
    }

    /** When a heartbeat is due, if it asked for them. */
    public Optional<Instant> heartbeatDue() {
        if (heartbeatSeconds == null || status != SubscriptionStatus.ACTIVE) {
            return Optional.empty();
        }
        Instant since = lastSentAt != null ? lastSentAt : createdAt;
        return Optional.of(since.plus(Duration.ofSeconds(heartbeatSeconds)));
    }
}
