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
    @Column(name = "events_since_start")
    public long eventsSinceStart;
    @Column(name = "last_sent_at")
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

    /** The next event's number: the IG's events-since-subscription-start. */
    public long countEvent() {
        return ++eventsSinceStart;
    }

    /** The endpoint took a notification: a handshake makes a requested subscription active. */
    public void delivered(NotificationKind kind, Instant at) {
        lastSentAt = at;
        if (kind == NotificationKind.HANDSHAKE && status == SubscriptionStatus.REQUESTED) {
            status = SubscriptionStatus.ACTIVE;
            error = null;
        }
    }

    /** The endpoint has refused for too long: sending stops, the queue waits for the client to ask again. */
    public void fail(String why) {
        status = SubscriptionStatus.ERROR;
        error = why;
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
