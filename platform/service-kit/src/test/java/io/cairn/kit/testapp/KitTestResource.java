package io.cairn.kit.testapp;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Endpoints that fail in each way the problem mappers must handle. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KitTestResource {

    public record NewNote(@NotNull UUID patientId, @NotBlank @Size(max = 200) String text, ReferralSource source,
            LocalDate receivedOn, List<@Valid Tag> tags) {
    }

    public record Tag(@NotBlank String name) {
    }

    private final AuditLog audit;

    KitTestResource(AuditLog audit) {
        this.audit = audit;
    }

    @POST
    @Path("/notes")
    @PermitAll
    public NewNote create(@Valid @NotNull NewNote note) {
        return note;
    }

    @GET
    @Path("/notes/{id}")
    @PermitAll
    public NewNote find(@PathParam("id") UUID id) {
        throw new ResourceNotFoundException("Note", id);
    }

    @GET
    @Path("/notes")
    @PermitAll
    public List<NewNote> list(@QueryParam("size") @Max(100) Integer size, @QueryParam("source") ReferralSource source,
            @QueryParam("receivedOn") LocalDate receivedOn) {
        if (source != null) {
            return List.of(new NewNote(UUID.randomUUID(), "filtered", source, receivedOn, List.of()));
        }
        return List.of();
    }

    @PUT
    @Path("/notes/{id}")
    @PermitAll
    public NewNote update(@PathParam("id") UUID id, NewNote note) {
        throw new ConflictException("Note " + id + " was changed since version 3");
    }

    @GET
    @Path("/boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException("ERROR: relation \"secret_table\" does not exist at org.postgresql.Driver");
    }

    @GET
    @Path("/clinical")
    @RolesAllowed(Roles.CLINICIAN)
    public String clinical() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "{\"ok\":true}";
    }

    @GET
    @Path("/patients/{patientId}/disclosures")
    @RolesAllowed(Roles.EHR_INTEGRATION)
    public String disclose(@PathParam("patientId") UUID patientId) {
        audit.record(new AuditEntry("disclose", "patient", patientId.toString(), patientId, AuditOutcome.SUCCESS));
        return "{\"ok\":true}";
    }
}
