package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.intake.domain.subscription.ChannelHeaders;
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
import java.util.function.Predicate;
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

    /** The IG's filter on the focus's patient, {@code CarePlan?patient=Patient/{id}}, or only its criterion. */
    private static final Pattern PATIENT_FILTER = Pattern.compile(
            "^(?:[A-Za-z]{1,64}\\?)?patient=(?:Patient/)?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                    + "-[0-9a-fA-F]{12})$");

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
            fhir.getCriteriaElement().addExtension(FILTER_CRITERIA, new StringType(
                    subscription.topic.focusType() + "?patient=Patient/" + subscription.patientId));
        }
        var channel = fhir.getChannel().setType(SubscriptionChannelType.RESTHOOK).setEndpoint(subscription.endpoint)
                .setPayload(Fhir.JSON);
        channel.getPayloadElement().addExtension(PAYLOAD_CONTENT, new CodeType(subscription.content.code()));
        ChannelHeaders.masked(subscription.headers).forEach(channel::addHeader);
        if (subscription.heartbeatSeconds != null) {
            channel.addExtension(HEARTBEAT_PERIOD, new UnsignedIntType(subscription.heartbeatSeconds));
        }
        return fhir;
    }

    /** What the client asks for, or a 400 naming every element that is wrong. */
    public static SubscriptionRequest toRequest(org.hl7.fhir.r4.model.Subscription fhir, boolean secretRequired,
            Predicate<SubscriptionTopic> offeredInFull) {
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
            String value = filters.get(0).getValue() == null ? null : filters.get(0).getValue().primitiveValue();
            Matcher filter = PATIENT_FILTER.matcher(value == null ? "" : value);
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
        String contentName = single(channel.getPayloadElement().getExtensionsByUrl(PAYLOAD_CONTENT), "id-only");
        PayloadContent content = contentName == null ? null : PayloadContent.ofCode(contentName).orElse(null);
        if (content == null) {
            wrong.add(violation("Subscription.channel.payload.extension",
                    "the content must be one of empty, id-only or full-resource"));
        } else if (content == PayloadContent.FULL_RESOURCE && topic != null && !offeredInFull.test(topic)) {
            wrong.add(violation("Subscription.channel.payload.extension", "full-resource is not offered for "
                    + topic.url() + " here: ask for id-only and read the record"));
        }
        List<String> headers = channel.getHeader().stream().map(StringType::getValue).toList();
        ChannelHeaders.refusal(headers).ifPresent(why -> wrong.add(violation("Subscription.channel.header", why)));
        Integer heartbeat = null;
        List<Extension> heartbeatPeriods = channel.getExtensionsByUrl(HEARTBEAT_PERIOD);
        if (!heartbeatPeriods.isEmpty()) {
            if (heartbeatPeriods.size() == 1 && heartbeatPeriods.get(0).getValue() instanceof IntegerType period
                    && period.getValue() != null && period.getValue() > 0) {
                heartbeat = period.getValue();
            } else {
                wrong.add(violation("Subscription.channel.extension", "the heartbeat period must be seconds, over 0"));
            }
        }
        String secret = single(fhir.getExtensionsByUrl(SECRET), null);
        if (secret != null && (secret.length() < SECRET_LENGTH || secret.length() > 256)
                || secret == null && (secretRequired || !fhir.getExtensionsByUrl(SECRET).isEmpty())) {
            wrong.add(violation("Subscription.extension", "the signing secret (" + SECRET + ") must be one string of "
                    + SECRET_LENGTH + " to 256 characters"));
        }
        if (fhir.hasEnd() && !fhir.getEnd().toInstant().isAfter(java.time.Instant.now())) {
            wrong.add(violation("Subscription.end", "must be in the future"));
        }
        if (fhir.hasReason() && fhir.getReason().length() > 1000) {
            wrong.add(violation("Subscription.reason", "must have at most 1000 characters"));
        }
        SubscriptionStatus status = fhir.getStatus() == null ? SubscriptionStatus.REQUESTED
                : SubscriptionStatus.ofCode(fhir.getStatus().toCode()).orElse(SubscriptionStatus.REQUESTED);
        if (!wrong.isEmpty()) {
            throw new InvalidRequestException(wrong);
        }
        return new SubscriptionRequest(topic, patient, channel.getEndpoint(), content, secret, headers, heartbeat,
                fhir.hasEnd() ? fhir.getEnd().toInstant() : null, fhir.getReason(), status);
    }

    /**
     * The value of an extension given at most once: {@code absent} when it is not there, null when it is there
     * twice or without a simple value.
     */
    private static String single(List<Extension> extensions, String absent) {
        if (extensions.isEmpty()) {
            return absent;
        }
        if (extensions.size() > 1 || extensions.get(0).getValue() == null) {
            return null;
        }
        return extensions.get(0).getValue().primitiveValue();
    }

    private static Problem.Violation violation(String expression, String message) {
        return new Problem.Violation(expression, message);
    }
}
