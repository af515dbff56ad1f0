package io.cairn.intake.domain.subscription;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.domain.Consent;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues notifications, in the transaction of what they report. An event about a patient is queued for a
 * subscription only while a Part 2 consent names the subscribing client for the topic's category (an id alone tells
 * that the person is in the program), and the consent is checked again before it is sent. A revocation withdraws what
 * waits in the same transaction, and tells the client the consent named.
 */
@ApplicationScoped
public class Notifications {

    /** Fired after the commit of queued notifications, so that the sender need not wait for its next run. */
    public record Queued() {
    }

    private final ClinicCalendar calendar;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Queued> queued;

    Notifications(ClinicCalendar calendar, TransactionSynchronizationRegistry transactions, Event<Queued> queued) {
        this.calendar = calendar;
        this.transactions = transactions;
        this.queued = queued;
    }

    /**
     * Something happened on a topic to a record of the patient ({@code focus}, as {@code Type/id}): each subscription
     * its consent allows, and that existed when it happened, is told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void occurred(SubscriptionTopic topic, UUID patientId, String focus, Instant occurredAt) {
        RecordCategory category = topic.category().orElseThrow(() -> new IllegalArgumentException(
                topic + " is not released by a consent"));
        Instant now = Instant.now();
        for (Subscription subscription : listeningTo(topic, patientId, occurredAt, now)) {
            Optional<Consent> consent = Consent.releasing(patientId, subscription.clientId, category,
                    calendar.today());
            if (consent.isPresent()) {
                queueEvent(subscription, patientId, focus, occurredAt, now, consent.get().id, category);
            }
        }
    }

    /**
     * A consent was revoked: what waits for its recipient about the patient, and no other consent still releases, is
     * withdrawn, and the recipient's subscriptions to revocations are told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(Consent consent) {
        Instant now = Instant.now();
        List<String> stillReleased = java.util.Arrays.stream(RecordCategory.values())
                .filter(c -> Consent.releasing(consent.patientId, consent.recipient, c, calendar.today()).isPresent())
                .map(Enum::name).toList();
        // One statement: a notification the sender holds is checked again once it is let go, so one it sent in the
        // meantime stays sent.
        Notification.update("status = ?1 where status = ?2 and patientId = ?3 and category is not null"
                + " and category not in ?4 and subscriptionId in (select s.id from Subscription s where s.clientId = ?5)",
                NotificationStatus.WITHDRAWN, NotificationStatus.PENDING, consent.patientId,
                stillReleased.isEmpty() ? List.of("") : stillReleased, consent.recipient);
        for (Subscription subscription : listeningTo(SubscriptionTopic.CONSENT_REVOKED, consent.patientId,
                consent.revokedAt, now)) {
            if (subscription.clientId.equals(consent.recipient)) {
                queueEvent(subscription, consent.patientId, "Consent/" + consent.id, consent.revokedAt, now,
                        consent.id, null);
            }
        }
    }

    /**
     * The handshake a requested subscription's endpoint must take, sent before anything else queued; one still waiting
     * from before is withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handshake(Subscription subscription) {
        Notification.update("status = ?1 where subscriptionId = ?2 and status = ?3 and kind = ?4",
                NotificationStatus.WITHDRAWN, subscription.id, NotificationStatus.PENDING, NotificationKind.HANDSHAKE);
        queue(Notification.of(subscription, NotificationKind.HANDSHAKE, Instant.now()));
    }

    /** Tells an endpoint that has heard nothing for its heartbeat period that the subscription is alive. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void heartbeat(Subscription subscription, Instant now) {
        queue(Notification.of(subscription, NotificationKind.HEARTBEAT, now));
    }

    /** What waits for a subscription asked for again is sent at once, not at its next retry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryNow(Subscription subscription) {
        Instant now = Instant.now();
        Notification.<Notification> list("subscriptionId = ?1 and status = ?2", subscription.id,
                NotificationStatus.PENDING).forEach(notification -> notification.retryNow(now));
    }

    /** The subscriptions to the topic that want news of the patient and were made before it happened. */
    private List<Subscription> listeningTo(SubscriptionTopic topic, UUID patientId, Instant occurredAt, Instant now) {
        return Subscription.<Subscription> list("topic = ?1 and status in ?2", topic, SubscriptionStatus.LISTENING)
                .stream().filter(subscription -> subscription.wants(patientId, now)
                        && !subscription.createdAt.isAfter(occurredAt))
                .toList();
    }

    private void queueEvent(Subscription subscription, UUID patientId, String focus, Instant occurredAt, Instant now,
            UUID consentId, RecordCategory category) {
        Notification notification = Notification.of(subscription, NotificationKind.EVENT, now);
        notification.eventNumber = Subscription.nextEventNumber(subscription.id);
        notification.patientId = patientId;
        notification.focus = focus;
        notification.occurredAt = occurredAt;
        notification.consentId = consentId;
        notification.category = category == null ? null : category.name();
        queue(notification);
    }

    private void queue(Notification notification) {
        notification.persist();
        AfterCommit.run(transactions, () -> queued.fire(new Queued()));
    }
}
