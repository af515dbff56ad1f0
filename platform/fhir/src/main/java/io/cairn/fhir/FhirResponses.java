package io.cairn.fhir;

import io.cairn.kit.problem.InvalidRequestException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.hl7.fhir.r4.model.Resource;

/**
 * The answers of FHIR's read and create: the resource with its version as a weak ETag, and where a new or found one
 * lives.
 */
public final class FhirResponses {

    private FhirResponses() {
    }

    public static Response read(Resource resource, int version) {
        return Response.ok(resource).tag(version(version)).build();
    }

    /** A conditional create that found its resource: that resource, as a read answers it, and where it lives. */
    public static Response found(UriInfo uri, Resource resource, int version) {
        return Response.ok(resource).location(location(uri, resource)).tag(version(version)).build();
    }

    public static Response created(UriInfo uri, Resource resource, int version) {
        return Response.created(location(uri, resource)).tag(version(version)).entity(resource).build();
    }

    /** The version an update's {@code If-Match} expects (its ETag, weak or not), or null when it has none. */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be the resource's ETag, such as W/\"3\"");
        }
    }

    /** The resource's version as a weak ETag. */
    private static EntityTag version(int version) {
        return new EntityTag(String.valueOf(version), true);
    }

    private static URI location(UriInfo uri, Resource resource) {
        return URI.create(SearchBundles.resourceUrl(uri, resource.fhirType(), resource.getIdElement().getIdPart()));
    }
}
