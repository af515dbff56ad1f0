package io.cairn.intake.notify;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.DisclosureRecorded;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.Fhir;
import io.cairn.intake.domain.Consent;
import io.cairn.intake.domain.subscription.Endpoints;
import io.cairn.intake.domain.subscription.Notification;
import io.cairn.intake.domain.subscription.NotificationKind;
import io.cairn.intake.domain.subscription.NotificationStatus;
import io.cairn.intake.domain.subscription.Notifications;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * POSTs queued notifications to their endpoints: per subscription the oldest first (a handshake before anything), so
 * one patient's events arrive in the order they happened; several subscriptions at once, so a slow or failing
 * endpoint holds up no other. A refused notification is tried again with a growing wait, and its subscription goes to
 * {@code error} when the endpoint refuses for too long; nothing is dropped. An event is sent only while the consent
 * behind it still releases it, and each sent event is a disclosure in the patient's accounting.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int BATCH = 100;

    /** The head of each sending subscription's queue that is due. */
    private static final String DUE_HEADS = """
            SELECT n.id FROM subscription_notification n JOIN subscription s ON s.id = n.subscription_id
            WHERE s.status IN ('REQUESTED', 'ACTIVE') AND n.next_attempt_at <= ?1
              AND n.id = (SELECT m.id FROM subscription_notification m
                          WHERE m.subscription_id = n.subscription_id AND m.status = 'PENDING'
                          ORDER BY m.kind <> 'HANDSHAKE', m.id LIMIT 1)
            ORDER BY n.next_attempt_at LIMIT ?2
            """;

    private final EntityManager entities;
    private final SubscriptionSettings settings;
    private final Notifications notifications;
    private final Outbox outbox;
    private final ClinicCalendar calendar;
    private final HttpClient http;
    private final ExecutorService senders;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-wake"));
    private final AtomicBoolean pending = new AtomicBoolean();

    NotificationSender(EntityManager entities, SubscriptionSettings settings, Notifications notifications,
            Outbox outbox, ClinicCalendar calendar) {
        this.entities = entities;
        this.settings = settings;
        this.notifications = notifications;
        this.outbox = outbox;
        this.calendar = calendar;
        // Redirects are not followed: an endpoint could otherwise send the POST on to an address it may not name.
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.senders = Executors.newFixedThreadPool(settings.senders(), r -> new Thread(r, "notification-sender"));
    }

    void onQueued(@Observes Notifications.Queued queued) {
        wakeUp();
    }

    /** Sends soon after a commit, on a thread of its own; the schedule below is the safety net. */
    void wakeUp() {
        if (pending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                pending.set(false);
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    LOG.warnf("Notifications wait for the next run: %s", e.getMessage());
                }
            });
        }
    }

    @Scheduled(every = "{intake.subscriptions.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        queueHeartbeats(Instant.now());
        sendDue();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        wakeUps.shutdownNow();
        senders.shutdownNow();
    }

    /**
     * Sends what is due until nothing is, each notification in a short transaction of its own that locks it (another
     * replica skips it).
     *
     * @return how many were settled: sent, or withdrawn as their consent is gone
     */
    public synchronized int sendDue() {
        int settled = 0;
        while (true) {
            Instant now = Instant.now();
            @SuppressWarnings("unchecked")
            List<Number> heads = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(DUE_HEADS)
                    .setParameter(1, now).setParameter(2, BATCH).getResultList());
            if (heads.isEmpty()) {
                return settled;
            }
            List<Future<Boolean>> results = heads.stream().map(id -> senders.submit(
                    () -> QuarkusTransaction.requiringNew().call(() -> send(id.longValue())))).toList();
            int settledNow = 0;
            for (Future<Boolean> result : results) {
                try {
                    settledNow += result.get() ? 1 : 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return settled;
                } catch (Exception e) {
                    LOG.warnf("A notification waits for the next run: %s", e.getMessage());
                }
            }
            settled += settledNow;
            if (settledNow == 0) {
                // Everything due was refused: it waits for its retry time.
                return settled;
            }
        }
    }

    /** Queues a heartbeat for each active subscription that asked for them and has been quiet for its period. */
    public void queueHeartbeats(Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Subscription> quiet = Subscription.<Subscription> list(
                    "status = ?1 and heartbeatSeconds is not null", SubscriptionStatus.ACTIVE).stream()
                    .filter(s -> s.heartbeatDue().map(due -> !due.isAfter(now)).orElse(false)).toList();
            for (Subscription subscription : quiet) {
                if (Notification.count("subscriptionId = ?1 and status = ?2", subscription.id,
                        NotificationStatus.PENDING) == 0) {
                    notifications.heartbeat(subscription, now);
                    // The next heartbeat counts from this one, sent or not.
                    subscription.lastSentAt = now;
                }
            }
        });
    }

    /**
     * Sends one notification, if it is still pending and no other replica holds it.
     *
     * @return whether it was settled: sent, or withdrawn
     */
    private boolean send(long id) {
        @SuppressWarnings("unchecked")
        List<Notification> locked = entities.createNativeQuery("SELECT * FROM subscription_notification "
                + "WHERE id = ?1 AND status = 'PENDING' FOR UPDATE SKIP LOCKED", Notification.class)
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        Notification notification = locked.get(0);
        Subscription subscription = Subscription.findById(notification.subscriptionId);
        Instant now = Instant.now();
        if (!subscription.status.isSending()) {
            return false;
        }
        if (subscription.hasEnded(now)) {
            subscription.status = SubscriptionStatus.OFF;
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
        Optional<String> refusal = post(subscription, notification, now);
        if (refusal.isPresent()) {
            refused(subscription, notification, refusal.get(), now);
            return false;
        }
        notification.sent(now);
        subscription.delivered(notification.kind, now);
        if (notification.kind == NotificationKind.EVENT && notification.patientId != null && category.isPresent()) {
            disclosed(subscription, notification, category.get(), consent.get(), now);
        }
        return true;
    }

    /** POSTs the notification's Bundle, signed; the endpoint's refusal, or empty when it took it. */
    private Optional<String> post(Subscription subscription, Notification notification, Instant now) {
        Optional<String> forbidden = Endpoints.refusal(subscription.endpoint, settings.allowLocalEndpoints());
        if (forbidden.isPresent()) {
            return Optional.of("the endpoint " + forbidden.get());
        }
        byte[] body = Fhir.context().newJsonParser()
                .encodeResourceToString(FhirNotifications.bundle(subscription, notification, settings.fhirBase()))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpoint))
                .timeout(settings.sendTimeout())
                .header("Content-Type", Fhir.JSON)
                .header(NotificationSignature.HEADER,
                        NotificationSignature.of(subscription.secret, now.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : subscription.headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("the endpoint answered " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("sending was interrupted");
        } catch (Exception e) {
            return Optional.of("the endpoint could not be reached: " + e.getClass().getSimpleName());
        }
    }

    private void refused(Subscription subscription, Notification notification, String why, Instant now) {
        Duration refusing = notification.refused(why, now, settings.firstRetry(), settings.maxRetryWait());
        boolean handshakeFailed = notification.kind == NotificationKind.HANDSHAKE
                && notification.attempts >= settings.handshakeAttempts();
        if (handshakeFailed || refusing.compareTo(settings.errorAfter()) >= 0) {
            subscription.fail(why);
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
