package io.cairn.intake.fhir;

import io.cairn.intake.domain.subscription.Notification;
import io.cairn.intake.domain.subscription.NotificationKind;
import io.cairn.intake.domain.subscription.PayloadContent;
import io.cairn.intake.domain.subscription.Subscription;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * Notifications as the Subscriptions Backport IG's R4 notification Bundle: a {@code history} Bundle whose first entry is
 * the subscription's status (a Parameters), followed, for an {@code id-only} event, by an entry naming the record it
 * is about, without its content: the client reads it through the FHIR API under its consent. A {@code full-resource}
 * event's entry carries the record itself.
 */
public final class FhirNotifications {

    public static final String STATUS_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";
    public static final String NOTIFICATION_PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";

    private FhirNotifications() {
    }

    /** The Bundle POSTed to the endpoint, with the record it is about for a {@code full-resource} event. */
    public static Bundle bundle(Subscription subscription, Notification notification, URI fhirBase,
            Optional<Resource> focus) {
        Bundle bundle = new Bundle().setType(BundleType.HISTORY);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().addProfile(NOTIFICATION_PROFILE);
        bundle.setTimestamp(new Date());
        String subscriptionUrl = url(fhirBase, "Subscription/" + subscription.id);
        Parameters status = status(subscription, List.of(notification), fhirBase);
        bundle.addEntry().setFullUrl("urn:uuid:" + status.getIdElement().getIdPart()).setResource(status)
                .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(HTTPVerb.GET)
                        .setUrl(subscriptionUrl + "/$status"))
                .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
        if (notification.kind == NotificationKind.EVENT && subscription.content != PayloadContent.EMPTY) {
            Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(url(fhirBase, notification.focus))
                    .setRequest(new Bundle.BundleEntryRequestComponent().setMethod(HTTPVerb.PUT)
                            .setUrl(notification.focus))
                    .setResponse(new Bundle.BundleEntryResponseComponent().setStatus("200"));
            if (subscription.content == PayloadContent.FULL_RESOURCE) {
                focus.ifPresent(entry::setResource);
            }
        }
        return bundle;
    }

    /**
     * The subscription's status (the IG's backport-subscription-status-r4), with the events given: the notification's
     * own, or none for {@code $status}.
     */
    public static Parameters status(Subscription subscription, List<Notification> events, URI fhirBase) {
        NotificationKind kind = events.isEmpty() ? null : events.get(0).kind;
        Parameters status = new Parameters();
        status.setId(UUID.randomUUID().toString());
        status.getMeta().addProfile(STATUS_PROFILE);
        status.addParameter().setName("subscription")
                .setValue(new Reference(url(fhirBase, "Subscription/" + subscription.id)));
        status.addParameter().setName("topic").setValue(new CanonicalType(subscription.topic.url()));
        status.addParameter().setName("status").setValue(new CodeType(subscription.status.code()));
        status.addParameter().setName("type").setValue(new CodeType(kind == null ? "query-status" : kind.code()));
        // An event counts up to itself (later ones may already be queued); anything else, every event so far.
        long eventsSinceStart = events.stream().filter(e -> e.eventNumber != null).mapToLong(e -> e.eventNumber).max()
                .orElse(subscription.eventsSinceStart);
        status.addParameter().setName("events-since-subscription-start")
                .setValue(new StringType(String.valueOf(eventsSinceStart)));
        for (Notification event : events) {
            if (event.kind != NotificationKind.EVENT) {
                continue;
            }
            ParametersParameterComponent notificationEvent = status.addParameter().setName("notification-event");
            notificationEvent.addPart().setName("event-number")
                    .setValue(new StringType(String.valueOf(event.eventNumber)));
            notificationEvent.addPart().setName("timestamp").setValue(new InstantType(Date.from(event.occurredAt)));
            if (subscription.content != PayloadContent.EMPTY) {
                notificationEvent.addPart().setName("focus").setValue(new Reference(url(fhirBase, event.focus)));
            }
        }
        if (subscription.error != null) {
            status.addParameter().setName("error").setValue(new CodeableConcept().setText(subscription.error));
        }
        return status;
    }

    private static String url(URI fhirBase, String relative) {
        String base = fhirBase.toString();
        return (base.endsWith("/") ? base : base + "/") + relative;
    }
}
