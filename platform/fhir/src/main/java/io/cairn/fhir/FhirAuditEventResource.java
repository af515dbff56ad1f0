package io.cairn.fhir;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.audit.AuditRecord;
import io.cairn.kit.audit.AuditSearch;
import io.cairn.kit.audit.AuditTrail;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The service's audit log as FHIR {@code AuditEvent}s, for program directors: the records {@code /api/v1/audit-events}
 * answers, searched by {@code patient}, {@code agent} and {@code date}, newest first, paged by a cursor in the
 * {@code next} link. The gateway merges every service's into one search.
 */
@Path(ApiPaths.FHIR_R4 + "/AuditEvent")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirAuditEventResource implements FhirCapability {

    // On each method, not the class: the public /metadata calls describe().

    private static final String TYPE = "AuditEvent";
    /** Where the previous page ended: not a search parameter, so not FHIR's reserved underscore. */
    private static final String CURSOR = AuditTrail.CURSOR;

    private final AuditTrail trail;

    FhirAuditEventResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Path("/{id}")
    @Operation(hidden = true)
    public AuditEvent read(@PathParam("id") String id) {
        // Another service's id, or none of this one's, names nothing here.
        String prefix = trail.service() + "-";
        Optional<AuditRecord> found = id.startsWith(prefix)
                ? AuditTrail.number(id.substring(prefix.length())).flatMap(trail::get)
                : Optional.empty();
        return found.map(record -> FhirAuditEvents.toFhir(record, trail.service()))
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
    }

    @GET
    @RolesAllowed(Roles.PROGRAM_DIRECTOR)
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", "agent", "date", CURSOR),
                Set.of("date"));
        for (String paging : List.of(SearchBundles.OFFSET, SearchBundles.PAGE)) {
            if (search.string(paging).isPresent()) {
                throw new InvalidParameterException(paging, "audit events page by the cursor in the next link");
            }
        }
        int count = search.count();
        // An audit record never changes: it was last updated when it was recorded.
        TimeRange range = search.timeRange("date").within(search.lastUpdated());
        if (search.order() == io.cairn.kit.api.Changes.Order.OLDEST_CHANGE_FIRST) {
            throw new InvalidParameterException(SearchParameters.SORT, "audit events are listed newest first: "
                    + "-_lastUpdated, or leave it out");
        }
        Long before = search.string(CURSOR).map(AuditTrail::before).orElse(null);
        AuditSearch asked = new AuditSearch(search.patient("patient").orElse(null), null, null,
                search.string("agent").orElse(null), null, null, range.from(), range.to(), before, count);
        List<AuditRecord> records = count == 0 ? List.of()
                : search.ids().map(ids -> withIds(ids, asked)).orElseGet(() -> trail.search(asked));
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (count > 0 && records.size() == count) {
            bundle.addLink().setRelation("next").setUrl(uri.getRequestUriBuilder().replaceQueryParam(CURSOR,
                    records.get(records.size() - 1).id()).build().toString());
        }
        for (AuditRecord record : records) {
            AuditEvent event = FhirAuditEvents.toFhir(record, trail.service());
            bundle.addEntry().setFullUrl(SearchBundles.resourceUrl(uri, TYPE, event.getIdElement().getIdPart()))
                    .setResource(event).getSearch().setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The records of this service with these ids that the rest of the search selects, newest first. */
    private List<AuditRecord> withIds(Set<String> ids, AuditSearch search) {
        String prefix = trail.service() + "-";
        return ids.stream().filter(id -> id.startsWith(prefix))
                .flatMap(id -> AuditTrail.number(id.substring(prefix.length())).flatMap(trail::get).stream())
                .filter(record -> search.patientId() == null || search.patientId().equals(record.patientId()))
                .filter(record -> search.agent() == null || search.agent().equals(record.user())
                        || search.agent().equals(record.clientId()))
                .filter(record -> new TimeRange(search.from(), search.to()).contains(record.occurredAt()))
                .filter(record -> search.before() == null || record.id() < search.before())
                .sorted(java.util.Comparator.comparingLong(AuditRecord::id).reversed()).limit(search.size())
                .toList();
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        CapabilityStatementRestResourceComponent resource = FhirCapability.resource(TYPE,
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("Patient/{id}: records about this patient");
        resource.addSearchParam().setName("agent").setType(SearchParamType.TOKEN)
                .setDocumentation("The user name or the OIDC client id of who acted");
        resource.addSearchParam().setName("date").setType(SearchParamType.DATE)
                .setDocumentation("When it was recorded: a day (UTC) or a time, with eq, ge, gt, le or lt; give it "
                        + "twice for a range");
        resource.setDocumentation("Newest first; the next link carries a cursor. Program directors only; each search "
                + "is itself recorded.");
        return resource;
    }
}
