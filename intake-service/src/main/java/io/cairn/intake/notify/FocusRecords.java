package io.cairn.intake.notify;

import io.cairn.fhir.Fhir;
import io.cairn.intake.domain.Referral;
import io.cairn.intake.domain.subscription.SubscriptionSettings;
import io.cairn.intake.domain.subscription.SubscriptionTopic;
import io.cairn.intake.fhir.FhirReferrals;
import io.cairn.kit.api.ApiPaths;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

/**
 * The record a {@code full-resource} notification carries, as the service that keeps it shows it when the notification
 * is sent. A referral is intake's own; a plan, an encounter or an aftercare episode is read from its service's FHIR
 * read with intake's service-account token (realm role {@code subscription-sender}), which those reads alone allow.
 * The consent was checked here, and the disclosure is accounted for here: the service only audits the read.
 */
@ApplicationScoped
public class FocusRecords {

    private static final Logger LOG = Logger.getLogger(FocusRecords.class);
    /** The one focus type intake keeps itself: an admitted referral. */
    private static final String REFERRAL = "ServiceRequest";

    /** The record's service could not answer: the notification waits, and its endpoint is not blamed. */
    public static class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final SubscriptionSettings settings;
    private final OidcClient serviceAccount;
    private final HttpClient http;
    private volatile Tokens tokens;

    FocusRecords(SubscriptionSettings settings, OidcClient serviceAccount) {
        this.settings = settings;
        this.serviceAccount = serviceAccount;
        this.http = HttpClient.newBuilder().connectTimeout(settings.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether a subscription to the topic can have its records in full: its focus is kept where intake can read. */
    public boolean offered(SubscriptionTopic topic) {
        return REFERRAL.equals(topic.focusType()) || serviceOf(topic.focusType()).isPresent();
    }

    /** Whether the record named {@code Type/id} is read from another service (no transaction of intake's needed). */
    public boolean keptElsewhere(String focus) {
        return serviceOf(typeOf(focus)).isPresent();
    }

    /**
     * The record named {@code Type/id}, or empty when it is gone or is not carried in full (a patient or a consent:
     * an attendance or revocation notice names them only, as their category is not the one the consent released).
     *
     * @throws Unavailable when its service is down, slow or refuses intake
     */
    public Optional<Resource> read(String focus) throws Unavailable {
        String type = typeOf(focus);
        String id = focus.substring(type.length() + 1);
        if (REFERRAL.equals(type)) {
            return Optional.ofNullable(Referral.<Referral> findById(UUID.fromString(id))).map(FhirReferrals::toFhir);
        }
        Optional<URI> service = serviceOf(type);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        return readFrom(URI.create(service.get().toString().replaceAll("/+$", "") + ApiPaths.FHIR_R4 + "/" + focus),
                type, id);
    }

    private Optional<Resource> readFrom(URI uri, String type, String id) throws Unavailable {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.sendTimeout())
                    .header("Accept", Fhir.JSON).header("Authorization", "Bearer " + accessToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                Resource resource = (Resource) Fhir.context().newJsonParser().parseResource(response.body());
                if (resource.fhirType().equals(type)) {
                    return Optional.of(resource);
                }
                LOG.errorf("%s answered a %s for %s/%s: the notification names it only", uri, resource.fhirType(),
                        type, id);
                return Optional.empty();
            }
            if (status == 401) {
                // The token ran out on the way, or Keycloak was restarted: a new one next time.
                tokens = null;
            }
            if (status == 401 || status == 429 || status >= 500) {
                throw new Unavailable("the record's service answered " + status);
            }
            if (status != 404 && status != 410) {
                // 403, 400: intake's service account is not set up as the service expects. Waiting would not help,
                // and would hold up every later notification of the subscription: this one names the record only.
                LOG.errorf("%s answered %d to intake's service account: the notification names the record only", uri,
                        status);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new Unavailable("the record's service could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopping while reading a notification's record", e);
        } catch (RuntimeException e) {
            // Keycloak refused or could not be reached, or the service answered what is not a FHIR resource.
            throw new Unavailable("the record could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Intake's token, asked for again shortly before it expires. */
    private String accessToken() {
        Tokens current = tokens;
        if (current == null || current.isAccessTokenExpired() || current.isAccessTokenWithinRefreshInterval()) {
            current = serviceAccount.getTokens().await().atMost(settings.sendTimeout());
            tokens = current;
        }
        return current.getAccessToken();
    }

    /** The resource type of a focus written {@code Type/id}. */
    private static String typeOf(String focus) {
        return focus.substring(0, Math.max(0, focus.indexOf('/')));
    }

    private Optional<URI> serviceOf(String type) {
        return switch (type) {
            case "CarePlan" -> settings.treatmentPlanUrl();
            case "Encounter" -> settings.schedulingUrl();
            case "EpisodeOfCare" -> settings.aftercareUrl();
            default -> Optional.empty();
        };
    }
}
