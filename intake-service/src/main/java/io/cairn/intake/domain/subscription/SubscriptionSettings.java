package io.cairn.intake.domain.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How notifications reach EHR endpoints (INTAKE_SUBSCRIPTIONS_*). */
@ConfigMapping(prefix = "intake.subscriptions")
public interface SubscriptionSettings {

    /** The FHIR base EHRs reach Cairn at, through the gateway: notifications reference resources under it. */
    @WithDefault("http://localhost:8080/fhir/r4")
    URI fhirBase();

    /** A POST waits this long for the endpoint's answer. */
    @WithDefault("10S")
    Duration sendTimeout();

    /** A refused notification is tried again after this, then after twice as long each time... */
    @WithDefault("1S")
    Duration firstRetry();

    /** ...but never after longer than this. */
    @WithDefault("60S")
    Duration maxRetryWait();

    /** An endpoint that refuses a notification for this long puts its subscription in {@code error}. */
    @WithDefault("1H")
    Duration errorAfter();

    /** A handshake refused this many times puts the subscription in {@code error}: the endpoint is wrong. */
    @WithDefault("3")
    int handshakeAttempts();

    /** How often the sender looks for notifications due again, and heartbeats due. */
    @WithDefault("1S")
    Duration retryEvery();

    /** Notifications sent or withdrawn are forgotten after this (the accounting keeps each disclosure). */
    @WithDefault("7D")
    Duration keepSent();

    /**
     * How many endpoints are sent to at once, so that a slow one holds up no other. Each send holds a database
     * connection while it waits for its endpoint.
     */
    @WithDefault("4")
    int senders();

    /** How many subscriptions one EHR client may hold. */
    @WithDefault("50")
    int perClient();

    /**
     * Whether endpoints may be plain {@code http} and on loopback or private addresses: for a local run and tests only,
     * as in production an endpoint inside the cluster would let a client reach what it must not.
     */
    @WithDefault("false")
    boolean allowLocalEndpoints();

    /** Where treatment-plan answers (its CarePlans, for full-resource notifications); unset, none is offered. */
    Optional<URI> treatmentPlanUrl();

    /** Where scheduling answers (its Encounters). */
    Optional<URI> schedulingUrl();

    /** Where aftercare answers (its EpisodesOfCare). */
    Optional<URI> aftercareUrl();
}
