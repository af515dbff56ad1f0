package io.cairn.intake.notify;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.Fhir;
import io.cairn.intake.domain.Consent;
import io.cairn.intake.domain.subscription.ChannelHeaders;
import io.cairn.intake.domain.subscription.Endpoints;
import io.cairn.intake.domain.subscription.Notification;
import io.cairn.intake.domain.subscription.NotificationKind;
import io.cairn.intake.domain.subscription.NotificationStatus;
import io.cairn.intake.domain.subscription.Notifications;
import io.cairn.intake.domain.subscription.PayloadContent;
import io.cairn.intake.domain.subscription.Subscription;
import io.cairn.intake.domain.subscription.SubscriptionSettings;
import io.cairn.intake.domain.subscription.SubscriptionStatus;
import io.cairn.intake.fhir.FhirNotifications;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

/**
 * POSTs queued notifications to their endpoints: per subscription the oldest first (a handshake before anything), so
 * one patient's events arrive in the order they happened; each subscription drained by a sender of its own, so a slow
 * or failing endpoint holds up no other. A refused notification is tried again with a growing wait, and its
 * subscription goes to {@code error} when the endpoint refuses for too long; nothing is dropped. An event is sent only
 * while the consent behind it still releases it, and each sent event is a disclosure in the patient's accounting.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    /** The sending subscriptions whose oldest pending notification is due. */
    private static final String DUE = """
            SELECT head.subscription_id FROM (
                SELECT DISTINCT ON (n.subscription_id) n.subscription_id, n.next_attempt_at
                FROM subscription_notification n JOIN subscription s ON s.id = n.subscription_id
                WHERE n.status = 'PENDING' AND s.status IN ('REQUESTED', 'ACTIVE')
                ORDER BY n.subscription_id, n.kind <> 'HANDSHAKE', n.id) head
            WHERE head.next_attempt_at <= ?1
            """;
    /** A full-resource subscription's oldest pending notification, if it is a due event: its id and focus. */
    private static final String NEXT_FULL_RESOURCE = """
            SELECT n.id, n.focus FROM (
                SELECT * FROM subscription_notification WHERE subscription_id = ?1 AND status = 'PENDING'
                ORDER BY kind <> 'HANDSHAKE', id LIMIT 1) n
            JOIN subscription s ON s.id = n.subscription_id
            WHERE s.content = 'FULL_RESOURCE' AND n.kind = 'EVENT' AND n.next_attempt_at <= ?2
            """;
    /** A subscription's oldest pending notification, unless another replica is sending it. */
    private static final String HEAD = """
            SELECT * FROM subscription_notification WHERE subscription_id = ?1 AND status = 'PENDING'
            ORDER BY kind <> 'HANDSHAKE', id LIMIT 1 FOR UPDATE SKIP LOCKED
            """;

    private final EntityManager entities;
    private final SubscriptionSettings settings;
    private final Notifications notifications;
    private final Outbox outbox;
    private final ClinicCalendar calendar;
    private final FocusRecords focusRecords;
    private final HttpClient http;
    private final ExecutorService senders;
    private final Set<UUID> draining = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    NotificationSender(EntityManager entities, SubscriptionSettings settings, Notifications notifications,
            Outbox outbox, ClinicCalendar calendar, FocusRecords focusRecords) {
        this.entities = entities;
        this.settings = settings;
        this.notifications = notifications;
        this.outbox = outbox;
        this.calendar = calendar;
        this.focusRecords = focusRecords;
        // Redirects are not followed: an endpoint could otherwise send the POST on to an address it may not name.
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.senders = Executors.newFixedThreadPool(settings.senders(), r -> new Thread(r, "notification-sender"));
    }

    /** Sends soon after a commit that queued notifications; the schedule below is the safety net. */
    void onQueued(@Observes Notifications.Queued queued) {
        if (!stopping) {
            try {
                senders.execute(this::drainDue);
            } catch (RejectedExecutionException e) {
                // Stopping: what was queued is sent by the next instance.
            }
        }
    }

    @Scheduled(every = "{intake.subscriptions.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (stopping) {
            return;
        }
        queueHeartbeats(Instant.now());
        drainDue();
        forgetSent(Instant.now().minus(settings.keepSent()));
    }

    /** Lets the POSTs under way finish (their results recorded) before the service stops. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        senders.shutdown();
        try {
            senders.awaitTermination(settings.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a sender for each subscription with a notification due that none is draining yet. */
    void drainDue() {
        Instant now = Instant.now();
        // No result class: Hibernate would add a query plan at every call that no later call finds.
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(DUE)
                .setParameter(1, now).getResultList());
        for (UUID subscription : due) {
            if (!stopping && draining.add(subscription)) {
                try {
                    senders.execute(() -> drain(subscription));
                } catch (RejectedExecutionException e) {
                    draining.remove(subscription);
                }
            }
        }
    }

    /** Sends one subscription's notifications in order while its endpoint takes them. */
    private void drain(UUID subscription) {
        try {
            while (!stopping) {
                Prefetched record = prefetch(subscription);
                if (!QuarkusTransaction.requiringNew().call(() -> sendHead(subscription, record))) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Notifications of subscription %s wait for the next run: %s", subscription, e.getMessage());
        } finally {
            draining.remove(subscription);
        }
    }

    /** Queues a heartbeat for each active subscription that asked for them and has been quiet for its period. */
    public void queueHeartbeats(Instant now) {
        List<UUID> quiet = QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription> list(
                "status = ?1 and heartbeatSeconds is not null", SubscriptionStatus.ACTIVE).stream()
                .filter(s -> s.heartbeatDue().map(due -> !due.isAfter(now)).orElse(false)).map(s -> s.id).toList());
        for (UUID id : quiet) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Subscription subscription = Subscription.findById(id);
                    if (subscription != null && Notification.count("subscriptionId = ?1 and status = ?2", id,
                            NotificationStatus.PENDING) == 0) {
                        notifications.heartbeat(subscription, now);
                        Subscription.heartbeatQueued(id, now);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("The heartbeat of subscription %s waits for the next run: %s", id, e.getMessage());
            }
        }
    }

    /** Forgets notifications sent or withdrawn before {@code before}: the accounting keeps the disclosures. */
    void forgetSent(Instant before) {
        QuarkusTransaction.requiringNew().run(() -> Notification.delete("status <> ?1 and createdAt < ?2",
                NotificationStatus.PENDING, before));
    }

    /**
     * Sends the subscription's oldest notification if it is due and no other replica holds it.
     *
     * @return whether it was settled (sent, or withdrawn) and the next may follow
     */
    private boolean sendHead(UUID subscriptionId, Prefetched prefetched) {
        @SuppressWarnings("unchecked")
        List<Notification> head = entities.createNativeQuery(HEAD, Notification.class).setParameter(1, subscriptionId)
                .getResultList();
        Instant now = Instant.now();
        if (head.isEmpty() || head.get(0).nextAttemptAt.isAfter(now)) {
            return false;
        }
        Notification notification = head.get(0);
        Subscription subscription = Subscription.findById(subscriptionId);
        if (subscription == null || !subscription.status.isSending()) {
            return false;
        }
        if (subscription.hasEnded(now)) {
            Subscription.ended(subscriptionId);
            return false;
        }
        Optional<RecordCategory> category = Optional.ofNullable(notification.category).map(RecordCategory::valueOf);
        Optional<UUID> consent = category.flatMap(c -> Consent.releasing(notification.patientId,
                subscription.clientId, c, calendar.today())).map(c -> c.id);
        if (category.isPresent() && consent.isEmpty()) {
            // The consent was revoked or ran out while the notification waited: the client is told nothing.
            notification.withdraw();
            return true;
        }
        Optional<Resource> focus = Optional.empty();
        if (notification.kind == NotificationKind.EVENT && subscription.content == PayloadContent.FULL_RESOURCE) {
            try {
                focus = prefetched.notificationId().equals(notification.id) ? prefetched.record()
                        : focusRecords.read(notification.focus);
            } catch (FocusRecords.Unavailable e) {
                Duration waited = notification.postponed(e.getMessage(), now, settings.firstRetry(),
                        settings.maxRetryWait());
                if (waited.compareTo(settings.errorAfter()) < 0) {
                    LOG.warnf("Notification %d of subscription %s waits: %s", notification.id, subscriptionId,
                            e.getMessage());
                    return false;
                }
                // The record's service has been away too long: the client is told by reference, and reads it later.
                LOG.errorf("Notification %d of subscription %s goes without its record after %s: %s",
                        notification.id, subscriptionId, waited, e.getMessage());
            }
        }
        Optional<String> refusal = post(subscription, notification, focus, now);
        if (refusal.isPresent()) {
            refused(subscription, notification, refusal.get(), now);
            return false;
        }
        notification.sent(now);
        Subscription.sent(subscriptionId, notification.kind, now);
        if (notification.kind == NotificationKind.EVENT && category.isPresent()) {
            disclosed(subscription, notification, category.get(), consent.get(), now);
        }
        return true;
    }

    /** The record a notification carries, read before the transaction that sends it; or why it could not be. */
    private record Prefetched(Long notificationId, Optional<Resource> resource, FocusRecords.Unavailable failure) {

        static final Prefetched NONE = new Prefetched(-1L, Optional.empty(), null);

        Optional<Resource> record() throws FocusRecords.Unavailable {
            if (failure != null) {
                throw failure;
            }
            return resource;
        }
    }

    /**
     * Reads the record the subscription's next notification carries, when it is full-resource and kept by another
     * service, outside any transaction: the transaction that sends it then holds its row and a connection only for
     * the POST. The head is checked again there; a record read for another is read again.
     */
    private Prefetched prefetch(UUID subscription) {
        List<?> head = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(NEXT_FULL_RESOURCE)
                .setParameter(1, subscription).setParameter(2, Instant.now()).getResultList());
        if (head.isEmpty()) {
            return Prefetched.NONE;
        }
        Object[] next = (Object[]) head.get(0);
        String focus = (String) next[1];
        if (!focusRecords.keptElsewhere(focus)) {
            return Prefetched.NONE;
        }
        Long id = ((Number) next[0]).longValue();
        try {
            return new Prefetched(id, focusRecords.read(focus), null);
        } catch (FocusRecords.Unavailable e) {
            return new Prefetched(id, Optional.empty(), e);
        }
    }

    /** POSTs the notification's Bundle, signed; the endpoint's refusal, or empty when it took it. */
    private Optional<String> post(Subscription subscription, Notification notification, Optional<Resource> focus,
            Instant now) {
        Optional<String> forbidden = Endpoints.refusal(subscription.endpoint, settings.allowLocalEndpoints());
        if (forbidden.isPresent()) {
            return Optional.of("the endpoint " + forbidden.get());
        }
        try {
            byte[] body = Fhir.context().newJsonParser()
                    .encodeResourceToString(FhirNotifications.bundle(subscription, notification, settings.fhirBase(), focus))
                    .getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpoint))
                    .timeout(settings.sendTimeout())
                    .header("Content-Type", Fhir.JSON)
                    .header(NotificationSignature.HEADER,
                            NotificationSignature.of(subscription.secret, now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : subscription.headers) {
                request.header(ChannelHeaders.name(header), ChannelHeaders.value(header));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the endpoint answered " + response.statusCode());
        } catch (InterruptedException e) {
            // The service is stopping: the attempt did not happen, and is not counted against the endpoint.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopping while sending", e);
        } catch (java.io.IOException e) {
            return Optional.of("the endpoint could not be reached: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return Optional.of("the notification could not be sent: " + e.getClass().getSimpleName());
        }
    }

    private void refused(Subscription subscription, Notification notification, String why, Instant now) {
        Duration refusing = notification.refused(why, now, settings.firstRetry(), settings.maxRetryWait());
        boolean handshakeFailed = notification.kind == NotificationKind.HANDSHAKE
                && notification.attempts >= settings.handshakeAttempts();
        if (handshakeFailed || refusing.compareTo(settings.errorAfter()) >= 0) {
            Subscription.failed(subscription.id, why);
            LOG.warnf("Subscription %s of %s is in error, its notifications wait: %s", subscription.id,
                    subscription.clientId, why);
        }
    }

    /** The client received the record's id under the consent: the patient's accounting of disclosures keeps it. */
    private void disclosed(Subscription subscription, Notification notification, RecordCategory category,
            UUID consentId, Instant now) {
        int slash = notification.focus.indexOf('/');
        outbox.publish(EventType.INTAKE_DISCLOSURE, new DisclosureRecorded(UUID.randomUUID(), notification.patientId,
                subscription.clientId, category, notification.focus.substring(0, slash),
                notification.focus.substring(slash + 1), consentId, now));
    }
}
