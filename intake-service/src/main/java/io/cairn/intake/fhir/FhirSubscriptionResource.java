package io.cairn.intake.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.intake.domain.subscription.Subscription;
import io.cairn.intake.domain.subscription.SubscriptionSettings;
import io.cairn.intake.domain.subscription.SubscriptionTopic;
import io.cairn.intake.domain.subscription.Subscriptions;
import io.cairn.intake.notify.FocusRecords;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CanonicalType;

/**
 * An EHR client's topic-based subscriptions (Subscriptions Backport IG, rest-hook): it creates, reads, updates and
 * deletes its own, and asks one's {@code $status}. Every notification is signed with the subscription's secret and
 * carries a patient's news only while a Part 2 consent names the client for it.
 */
@Path(ApiPaths.FHIR_R4 + "/Subscription")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
@Consumes({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirSubscriptionResource implements FhirCapability {

    private static final String TYPE = "Subscription";
    /** The IG's way of listing the topics a server offers, on its CapabilityStatement's Subscription entry. */
    static final String TOPIC_CANONICAL = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical";

    private final Subscriptions subscriptions;
    private final SubscriptionSettings settings;
    private final FocusRecords focusRecords;

    FhirSubscriptionResource(Subscriptions subscriptions, SubscriptionSettings settings, FocusRecords focusRecords) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.focusRecords = focusRecords;
    }

    @POST
    @RolesAllowed(Roles.EHR_INTEGRATION)
    @Operation(hidden = true)
    public Response create(org.hl7.fhir.r4.model.Subscription fhir, @Context UriInfo uri) {
        Subscription subscription = subscriptions
                .create(FhirSubscriptions.toRequest(required(fhir), true, focusRecords::offered));
        return FhirResponses.created(uri, FhirSubscriptions.toFhir(subscription), subscription.version);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.EHR_INTEGRATION, Roles.PROGRAM_DIRECTOR })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        Subscription subscription = subscriptions.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirSubscriptions.toFhir(subscription), subscription.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.EHR_INTEGRATION)
    @Operation(hidden = true)
    public Response update(@PathParam("id") String id, org.hl7.fhir.r4.model.Subscription fhir,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        var resourceId = SearchParameters.id(TYPE, id);
        if (required(fhir).hasIdElement() && fhir.getIdElement().hasIdPart()
                && !fhir.getIdElement().getIdPart().equals(id)) {
            throw new InvalidRequestException("Subscription.id", "must be the id in the URL");
        }
        Subscription subscription = subscriptions.update(resourceId,
                FhirSubscriptions.toRequest(fhir, false, focusRecords::offered),
                FhirResponses.expectedVersion(ifMatch));
        return FhirResponses.read(FhirSubscriptions.toFhir(subscription), subscription.version);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EHR_INTEGRATION)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(SearchParameters.id(TYPE, id));
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({ Roles.EHR_INTEGRATION, Roles.PROGRAM_DIRECTOR })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of());
        return SearchBundles.ofAll(subscriptions.list(), search, FhirSubscriptions::toFhir, uri);
    }

    /** The IG's {@code $status}: where the subscription stands and how many events it has had. */
    @GET
    @Path("/{id}/{operation}")
    @RolesAllowed({ Roles.EHR_INTEGRATION, Roles.PROGRAM_DIRECTOR })
    @Operation(hidden = true)
    public Bundle status(@PathParam("id") String id, @PathParam("operation") String operation) {
        // Matched as a parameter: a literal '$' in a path template is read as a pattern's end.
        if (!"$status".equals(operation)) {
            throw new ResourceNotFoundException(TYPE + " operation", operation);
        }
        Subscription subscription = subscriptions.get(SearchParameters.id(TYPE, id));
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal(1);
        bundle.addEntry().setResource(FhirNotifications.status(subscription, List.of(), settings.fhirBase()))
                .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        return bundle;
    }

    private static org.hl7.fhir.r4.model.Subscription required(org.hl7.fhir.r4.model.Subscription fhir) {
        if (fhir == null) {
            throw new InvalidRequestException(TYPE, "send a Subscription resource");
        }
        return fhir;
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        CapabilityStatementRestResourceComponent resource = FhirCapability.resource(TYPE,
                TypeRestfulInteraction.CREATE, TypeRestfulInteraction.READ, TypeRestfulInteraction.UPDATE,
                TypeRestfulInteraction.DELETE, TypeRestfulInteraction.SEARCHTYPE);
        resource.addSupportedProfile(FhirSubscriptions.PROFILE);
        for (SubscriptionTopic topic : SubscriptionTopic.values()) {
            resource.addExtension(TOPIC_CANONICAL, new CanonicalType(topic.url()));
        }
        resource.addOperation().setName("status")
                .setDefinition("http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status")
                .setDocumentation("Where the subscription stands: status, topic, events since it started");
        return resource;
    }
}
