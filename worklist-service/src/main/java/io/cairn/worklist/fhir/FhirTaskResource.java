package io.cairn.worklist.fhir;

import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.Changes;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.worklist.domain.CareTask;
import io.cairn.worklist.domain.TaskFilter;
import io.cairn.worklist.domain.TaskStatus;
import io.cairn.worklist.domain.Tasks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The worklist as FHIR {@code Task}s, read-only, for staff clients: the same tasks, roles and audit as
 * {@code /api/v1/tasks} (each caller sees their roles' tasks, the director all). A search without {@code status}
 * answers every status, as FHIR searches do; the REST list answers open work only.
 */
@Path(ApiPaths.FHIR_R4 + "/Task")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirTaskResource implements FhirCapability {

    // On each method, not the class: the public /metadata calls describe().

    private static final String TYPE = "Task";
    static final String FOCUS = "Task:focus";

    private final Tasks tasks;

    FhirTaskResource(Tasks tasks) {
        this.tasks = tasks;
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.INTAKE_COORDINATOR, Roles.SCHEDULER,
            Roles.PROGRAM_DIRECTOR })
    @Path("/{id}")
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        CareTask task = tasks.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirTasks.toFhir(task), task.version);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.INTAKE_COORDINATOR, Roles.SCHEDULER,
            Roles.PROGRAM_DIRECTOR })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", "status", "owner",
                SearchParameters.INCLUDE));
        // The task an escalation is about: the same Task:focus aftercare's follow-ups take to their episode.
        boolean escalated = !search.includes(SearchParameters.INCLUDE, Set.of(FOCUS)).isEmpty();
        Set<TaskStatus> statuses = statuses(search);
        ListWindow.Window window = search.window();
        Changes changes = search.changes();
        if (statuses.isEmpty()) {
            // A status no worklist task has (in-progress, say): a search that matches nothing.
            return SearchBundles.of(new PageOf<CareTask>(List.of(), window.page(), window.size(), 0),
                    FhirTasks::toFhir, uri);
        }
        TaskFilter filter = new TaskFilter(null, null, search.patient("patient").orElse(null),
                search.string("owner").orElse(null), null, statuses, null);
        return SearchBundles.of(tasks.list(filter, changes, window), FhirTasks::toFhir, uri,
                page -> escalated ? tasks.escalatedFrom(page).stream().map(FhirTasks::toFhir).toList() : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        CapabilityStatementRestResourceComponent resource = FhirCapability.resource(TYPE,
                TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        resource.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE)
                .setDocumentation("Patient/{id}");
        resource.addSearchParam().setName("status").setType(SearchParamType.TOKEN)
                .setDocumentation("ready (open), accepted (claimed) or completed; every status when not given");
        resource.addSearchParam().setName("owner").setType(SearchParamType.REFERENCE)
                .setDocumentation("The user name of the staff member who claimed the task");
        return resource.addSearchInclude(FOCUS);
    }

    private static Set<TaskStatus> statuses(SearchParameters search) {
        return search.taskStatus("status").map(FhirTasks::statuses).orElseGet(() -> EnumSet.allOf(TaskStatus.class));
    }
}
