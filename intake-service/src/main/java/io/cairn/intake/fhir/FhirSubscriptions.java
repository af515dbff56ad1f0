package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.intake.domain.subscription.PayloadContent;
import io.cairn.intake.domain.subscription.Subscription;
import io.cairn.intake.domain.subscription.SubscriptionRequest;
import io.cairn.intake.domain.subscription.SubscriptionStatus;
import io.cairn.intake.domain.subscription.SubscriptionTopic;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.hl7.fhir.r4.model.CodeType;

/**
 * Subscriptions as the Subscriptions Backport IG's R4 profile: the topic's canonical URL in {@code criteria}, a
 * patient filter in its {@code backport-filter-criteria} extension, the payload content in
 * {@code backport-payload-content}, the heartbeat period in {@code backport-heartbeat-period}. The signing secret is
 * Cairn's own extension, taken on a write and never shown.
 */
public final class FhirSubscriptions {

    public static final String PROFILE = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription";
    private static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
    public static final String FILTER_CRITERIA = BACKPORT + "backport-filter-criteria";
    public static final String PAYLOAD_CONTENT = BACKPORT + "backport-payload-content";
    public static final String HEARTBEAT_PERIOD = BACKPORT + "backport-heartbeat-period";
    public static final String SECRET = "https://cairn.io/fhir/StructureDefinition/subscription-secret";

    /** A secret short enough to guess would let anyone sign a notification. */
    static final int SECRET_LENGTH = 32;

    private static final Pattern PATIENT_FILTER = Pattern.compile("^(?:patient|Patient\\?_id)=(?:Patient/)?([0-9a-f-]{36})$");
    private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9-]{1,64}:[^\\r\\n]{1,2048}$");
    /** Headers the sender sets itself, which a client may not replace. */
    private static final List<String> RESERVED_HEADERS = List.of("content-type", "content-length", "host",
            "cairn-signature", "transfer-encoding", "connection");

    private FhirSubscriptions() {
    }

    public static org.hl7.fhir.r4.model.Subscription toFhir(Subscription subscription) {
        var fhir = new org.hl7.fhir.r4.model.Subscription();
        fhir.setId(subscription.id.toString());
        fhir.getMeta().addProfile(PROFILE).setVersionId(String.valueOf(subscription.version));
        Fhir.lastUpdated(fhir, subscription.updatedAt);
        fhir.setStatus(org.hl7.fhir.r4.model.Subscription.SubscriptionStatus.fromCode(subscription.status.code()));
        fhir.setReason(subscription.reason);
        if (subscription.endsAt != null) {
            fhir.setEnd(java.util.Date.from(subscription.endsAt));
        }
        if (subscription.error != null) {
            fhir.setError(subscription.error);
        }
        fhir.setCriteria(subscription.topic.url());
        if (subscription.patientId != null) {
            fhir.getCriteriaElement().addExtension(FILTER_CRITERIA,
                    new StringType("patient=Patient/" + subscription.patientId));
        }
        var channel = fhir.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(subscription.endpoint)
                .setPayload(Fhir.JSON);
        channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType(subscription.content.code()));
        Arrays.stream(subscription.headers).forEach(channel::addHeader);
        if (subscription.heartbeatSeconds != null) {
            channel.addExtension(HEARTBEAT_PERIOD, new UnsignedIntType(subscription.heartbeatSeconds));
        }
        return fhir;
    }

    /** What the client asks for, or a 400 naming every element that is wrong. */
    public static SubscriptionRequest toRequest(org.hl7.fhir.r4.model.Subscription fhir, boolean secretRequired) {
        List<Problem.Violation> wrong = new ArrayList<>();
        SubscriptionTopic topic = SubscriptionTopic.ofUrl(fhir.getCriteria()).orElse(null);
        if (topic == null) {
            wrong.add(violation("Subscription.criteria", "must be one of Cairn's topics: "
                    + Arrays.stream(SubscriptionTopic.values()).map(SubscriptionTopic::url)
                            .collect(Collectors.joining(", "))));
        }
        UUID patient = null;
        List<Extension> filters = fhir.getCriteriaElement().getExtensionsByUrl(FILTER_CRITERIA);
        if (filters.size() > 1) {
            wrong.add(violation("Subscription.criteria.extension", "takes one filter"));
        } else if (filters.size() == 1) {
            Matcher filter = PATIENT_FILTER.matcher(filters.get(0).getValue() == null ? ""
                    : filters.get(0).getValue().primitiveValue());
            if (filter.matches()) {
                patient = UUID.fromString(filter.group(1));
            } else {
                wrong.add(violation("Subscription.criteria.extension",
                        "the filter must be patient=Patient/{id}"));
            }
        }
        var channel = fhir.getChannel();
        if (channel.getType() != SubscriptionChannelType.RESTHOOK) {
            wrong.add(violation("Subscription.channel.type", "must be rest-hook"));
        }
        if (!channel.hasEndpoint()) {
            wrong.add(violation("Subscription.channel.endpoint", "is required"));
        }
        if (channel.hasPayload() && !Fhir.JSON.equals(channel.getPayload())) {
            wrong.add(violation("Subscription.channel.payload", "must be " + Fhir.JSON));
        }
        Extension contentCode = channel.getPayloadElement().getExtensionByUrl(PAYLOAD_CONTENT);
        String contentName = contentCode == null || contentCode.getValue() == null ? "id-only"
                : contentCode.getValue().primitiveValue();
        PayloadContent content = PayloadContent.ofCode(contentName).orElse(null);
        if (content == null) {
            wrong.add(violation("Subscription.channel.payload.extension", "full-resource".equals(contentName)
                    ? "full-resource is not offered yet: ask for id-only and read the record"
                    : "the content must be id-only or empty"));
        }
        List<String> headers = channel.getHeader().stream().map(StringType::getValue).toList();
        for (String header : headers) {
            if (header == null || !HEADER.matcher(header).matches()
                    || RESERVED_HEADERS.contains(header.substring(0, header.indexOf(':')).strip().toLowerCase())) {
                wrong.add(violation("Subscription.channel.header", "must be 'Name: value', and not one Cairn sets"));
            }
        }
        Integer heartbeat = null;
        Extension heartbeatPeriod = channel.getExtensionByUrl(HEARTBEAT_PERIOD);
        if (heartbeatPeriod != null) {
            if (heartbeatPeriod.getValue() instanceof IntegerType period && period.getValue() != null
                    && period.getValue() > 0) {
                heartbeat = period.getValue();
            } else {
                wrong.add(violation("Subscription.channel.extension", "the heartbeat period must be seconds, over 0"));
            }
        }
        Extension secretExtension = fhir.getExtensionByUrl(SECRET);
        String secret = secretExtension == null || secretExtension.getValue() == null ? null
                : secretExtension.getValue().primitiveValue();
        if (secret != null && secret.length() < SECRET_LENGTH || secret == null && secretRequired) {
            wrong.add(violation("Subscription.extension", "the signing secret (" + SECRET + ") must have at least "
                    + SECRET_LENGTH + " characters"));
        }
        SubscriptionStatus status = fhir.getStatus() == null ? SubscriptionStatus.REQUESTED
                : SubscriptionStatus.ofCode(fhir.getStatus().toCode()).orElse(SubscriptionStatus.REQUESTED);
        if (!wrong.isEmpty()) {
            throw new InvalidRequestException(wrong);
        }
        return new SubscriptionRequest(topic, patient, channel.getEndpoint(), content, secret, headers, heartbeat,
                fhir.hasEnd() ? fhir.getEnd().toInstant() : null, fhir.getReason(), status);
    }

    private static Problem.Violation violation(String expression, String message) {
        return new Problem.Violation(expression, message);
    }
}
