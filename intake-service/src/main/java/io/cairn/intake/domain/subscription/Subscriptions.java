package io.cairn.intake.domain.subscription;

import io.cairn.contracts.Roles;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.PreconditionFailedException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An EHR client's subscriptions: it creates, reads, changes and deletes its own, and sees no other client's. The
 * program director reads all of them, to see which are failing. A new subscription, or one whose endpoint changed or
 * that is asked for again after an error, is {@code requested} until its endpoint takes a handshake.
 */
@ApplicationScoped
public class Subscriptions {

    static final String TYPE = "Subscription";

    private final Caller caller;
    private final Notifications notifications;
    private final SubscriptionSettings settings;

    Subscriptions(Caller caller, Notifications notifications, SubscriptionSettings settings) {
        this.caller = caller;
        this.notifications = notifications;
        this.settings = settings;
    }

    @Transactional
    public Subscription create(SubscriptionRequest request) {
        String client = client();
        if (request.status() != SubscriptionStatus.OFF) {
            checkRoomFor(client);
        }
        if (request.secret() == null) {
            throw new InvalidRequestException("Subscription.extension", "needs the signing secret");
        }
        checkEndpoint(request.endpoint());
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.clientId = client;
        subscription.createdAt = Instant.now();
        apply(subscription, request);
        subscription.status = request.status() == SubscriptionStatus.OFF ? SubscriptionStatus.OFF
                : SubscriptionStatus.REQUESTED;
        subscription.persist();
        if (subscription.status == SubscriptionStatus.REQUESTED) {
            notifications.handshake(subscription);
        }
        return subscription;
    }

    @Transactional
    public Subscription update(UUID id, SubscriptionRequest request, Integer expectedVersion) {
        Subscription subscription = own(id);
        if (expectedVersion != null && expectedVersion != subscription.version) {
            throw new PreconditionFailedException("Subscription " + id + " is at version "
                    + subscription.version + ", not " + expectedVersion);
        }
        if (request.topic() != subscription.topic) {
            throw new InvalidRequestException("Subscription.criteria", "a subscription's topic does not change: "
                    + "create another for " + request.topic().url());
        }
        if (request.status() != SubscriptionStatus.OFF) {
            checkEndpoint(request.endpoint());
            if (subscription.status == SubscriptionStatus.OFF) {
                checkRoomFor(subscription.clientId);
            }
        }
        boolean endpointChanged = !subscription.endpoint.equals(request.endpoint());
        apply(subscription, request);
        if (request.status() == SubscriptionStatus.OFF) {
            subscription.status = SubscriptionStatus.OFF;
        } else if (endpointChanged || !subscription.status.isSending()) {
            // A new endpoint, or one asked for again after an error or being off, proves itself first; what waited
            // in the queue is then sent at once, in order.
            subscription.status = SubscriptionStatus.REQUESTED;
            subscription.error = null;
            notifications.handshake(subscription);
            notifications.retryNow(subscription);
        }
        return subscription;
    }

    /** Deletes it with every notification still queued for it. */
    @Transactional
    public void delete(UUID id) {
        Subscription subscription = own(id);
        // Its notifications first, as the sender locks them: one being sent is waited for, not deadlocked with.
        Notification.delete("subscriptionId", subscription.id);
        subscription.delete();
    }

    @Transactional
    public Subscription get(UUID id) {
        return readable(id);
    }

    /** The caller's subscriptions, or every client's for the program director, newest first. */
    @Transactional
    public List<Subscription> list() {
        if (caller.hasRole(Roles.PROGRAM_DIRECTOR)) {
            return Subscription.listAll(Sort.descending("createdAt"));
        }
        return Subscription.list("clientId", Sort.descending("createdAt"), client());
    }

    private void apply(Subscription subscription, SubscriptionRequest request) {
        subscription.topic = request.topic();
        subscription.patientId = request.patientId();
        subscription.endpoint = request.endpoint();
        subscription.content = request.content();
        if (request.secret() != null) {
            subscription.secret = request.secret();
        }
        subscription.headers = ChannelHeaders.kept(request.headers(), subscription.headers);
        subscription.heartbeatSeconds = request.heartbeatSeconds();
        subscription.endsAt = request.endsAt();
        subscription.reason = request.reason();
    }

    private void checkRoomFor(String client) {
        if (Subscription.count("clientId = ?1 and status <> ?2", client, SubscriptionStatus.OFF) >= settings
                .perClient()) {
            throw new ConflictException("An EHR client holds at most " + settings.perClient()
                    + " subscriptions that are not off: delete one it no longer needs");
        }
    }

    private void checkEndpoint(String endpoint) {
        Endpoints.refusal(endpoint, settings.allowLocalEndpoints()).ifPresent(why -> {
            throw new InvalidRequestException("Subscription.channel.endpoint", why);
        });
    }

    /** One the caller may read: its own, or any for the program director; else as if it did not exist. */
    private Subscription readable(UUID id) {
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || !(caller.hasRole(Roles.PROGRAM_DIRECTOR)
                || caller.clientId().map(subscription.clientId::equals).orElse(false))) {
            throw new ResourceNotFoundException(TYPE, id);
        }
        return subscription;
    }

    /** One the caller made. */
    private Subscription own(UUID id) {
        Subscription subscription = Subscription.findById(id);
        if (subscription == null || !caller.clientId().map(subscription.clientId::equals).orElse(false)) {
            throw new ResourceNotFoundException(TYPE, id);
        }
        return subscription;
    }

    private String client() {
        return caller.clientId().orElseThrow(() -> new IllegalStateException("An EHR client has a client id"));
    }
}
