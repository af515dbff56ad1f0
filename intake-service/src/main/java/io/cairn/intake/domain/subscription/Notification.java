package io.cairn.intake.domain.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification queued for a subscription: a handshake, a heartbeat, or an event about a patient's record (its
 * focus) under the consent that allowed it. Sent in the order queued, per subscription.
 */
@Entity
@Table(name = "subscription_notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Enumerated(EnumType.STRING)
    public NotificationKind kind;
    @Enumerated(EnumType.STRING)
    public NotificationStatus status;
    @Column(name = "event_number")
    public Long eventNumber;
    @Column(name = "patient_id")
    public UUID patientId;
    /** The record category the consent released; null for a handshake, a heartbeat or a revocation. */
    public String category;
    /** The record the event is about, as {@code Type/id}. */
    public String focus;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "consent_id")
    public UUID consentId;
    public int attempts;
    @Column(name = "first_failed_at")
    public Instant firstFailedAt;
    @Column(name = "postponed_since")
    public Instant postponedSince;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;

    static Notification of(Subscription subscription, NotificationKind kind, Instant now) {
        Notification notification = new Notification();
        notification.subscriptionId = subscription.id;
        notification.kind = kind;
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;
        notification.nextAttemptAt = now;
        return notification;
    }

    public void sent(Instant at) {
        status = NotificationStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    public void withdraw() {
        status = NotificationStatus.WITHDRAWN;
    }

    /**
     * The endpoint refused it: tried again after a wait that doubles with each attempt, up to {@code maxWait}.
     *
     * @return how long the endpoint has been refusing it
     */
    public Duration refused(String why, Instant now, Duration firstWait, Duration maxWait) {
        attempts++;
        lastError = why;
        if (firstFailedAt == null) {
            firstFailedAt = now;
        }
        Duration wait = firstWait.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(maxWait) > 0 ? maxWait : wait);
        return Duration.between(firstFailedAt, now);
    }

    /**
     * Not sent for a fault of Cairn's own (the record it carries could not be read): tried again after a wait as long
     * as it has waited so far (within {@code firstWait} and {@code maxWait}), counted apart from the endpoint's
     * refusals.
     *
     * @return how long it has waited for the record
     */
    public Duration postponed(String why, Instant now, Duration firstWait, Duration maxWait) {
        if (postponedSince == null) {
            postponedSince = now;
        }
        lastError = why;
        Duration waited = Duration.between(postponedSince, now);
        Duration wait = waited.compareTo(firstWait) < 0 ? firstWait : waited.compareTo(maxWait) > 0 ? maxWait : waited;
        nextAttemptAt = now.plus(wait);
        return waited;
    }

    /** Sent again at once: its subscription was asked for again after an error. */
    public void retryNow(Instant now) {
        nextAttemptAt = now;
        firstFailedAt = null;
        attempts = 0;
    }
}
