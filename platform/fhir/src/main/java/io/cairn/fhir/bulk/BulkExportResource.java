package io.cairn.fhir.bulk;

import io.cairn.contracts.Roles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.InvalidParameterException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * This service's part of a FHIR Bulk Data export, for the gateway, which answers the client's kick-off, status and
 * file requests ({@code $export}) from every service's part. Each part belongs to the caller that started it.
 */
@Path(ApiPaths.FHIR_R4 + "/_export/{job}")
@RolesAllowed({ Roles.EHR_INTEGRATION, Roles.PROGRAM_DIRECTOR })
public class BulkExportResource {

    public static final String NDJSON = "application/fhir+ndjson";
    /** The most members a Group's export names: far beyond any track's (a cohort of a dozen). */
    static final int MAX_MEMBERS = 10_000;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final BulkExports exports;

    BulkExportResource(BulkExports exports) {
        this.exports = exports;
    }

    /**
     * Whose records an export holds (a Group's members, as the gateway read them; without them, every patient's), and
     * the services the gateway started a part in.
     */
    public record ExportScope(@Size(max = MAX_MEMBERS) List<@NotNull UUID> patients,
            @Size(max = 16) List<@NotNull @Pattern(regexp = "[a-z-]{1,32}") String> parts) {
    }

    @POST
    @Operation(hidden = true)
    public Response start(@PathParam("job") String job, @QueryParam("_type") String types,
            @QueryParam("_since") String since, @QueryParam("request") String request, @Valid ExportScope scope) {
        Set<UUID> patients = scope == null || scope.patients() == null ? null : Set.copyOf(scope.patients());
        List<String> parts = scope == null ? null : scope.parts();
        exports.start(jobId(job), typesOf(types), since(since), patients, parts, request == null ? "" : request);
        return Response.accepted().build();
    }

    /** A status in the JSON the gateway reads, whatever the client that asked accepts. */
    @GET
    @Operation(hidden = true)
    public Response status(@PathParam("job") String job) {
        BulkExportJob status = exports.status(jobId(job));
        if (BulkExportJob.IN_PROGRESS.equals(status.status())) {
            return Response.accepted().entity(Map.of("status", status.status(), "parts", status.parts()))
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.status());
        body.put("parts", status.parts());
        body.put("transactionTime", status.requestedAt().toString());
        body.put("request", status.request());
        body.put("expires", status.expiresAt().toString());
        if (status.error() != null) {
            body.put("error", status.error());
        }
        body.put("output", status.counts().entrySet().stream()
                .map(count -> Map.of("type", count.getKey(), "count", count.getValue())).toList());
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{type}")
    @Operation(hidden = true)
    public Response file(@PathParam("job") String job, @PathParam("type") String type) {
        UUID id = jobId(job);
        exports.requireFile(id, type);
        StreamingOutput ndjson = out -> exports.file(id, type, out);
        return Response.ok(ndjson, NDJSON).build();
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("job") String job) {
        exports.delete(jobId(job));
        return Response.accepted().build();
    }

    private static UUID jobId(String job) {
        return SearchParameters.id("Export", job);
    }

    private static Set<String> typesOf(String types) {
        if (types == null || types.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(types.split(",")).map(String::strip).collect(Collectors.toCollection(
                java.util.TreeSet::new));
    }

    /** {@code _since}: an instant, with its zone, as the Bulk Data IG asks. */
    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = java.time.OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("_since", "must be an instant with its zone, such as "
                    + "2026-12-01T00:00:00Z");
        }
        // Beyond the clinic's calendar, a time is a mistake (and beyond what the database holds).
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameterException("_since", "must fall between 1900 and 2200");
        }
        return instant;
    }
}
