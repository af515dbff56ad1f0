package io.cairn.intake.domain.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an EHR client asks for when it creates or updates a subscription, read from its FHIR Subscription.
 *
 * @param secret the signing key, or null on an update that keeps the one it has
 * @param status what the client sets: {@code off} turns it off, anything else asks for it to be sent to
 */
public record SubscriptionRequest(SubscriptionTopic topic, UUID patientId, String endpoint, PayloadContent content,
        String secret, List<String> headers, Integer heartbeatSeconds, Instant endsAt, String reason,
        SubscriptionStatus status) {
}
