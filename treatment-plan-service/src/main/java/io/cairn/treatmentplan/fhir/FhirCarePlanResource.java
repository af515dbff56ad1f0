package io.cairn.treatmentplan.fhir;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.Roles;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.FhirResponses;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.cairn.treatmentplan.fhir.FhirGoals.PlanGoal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/**
 * Treatment plans as {@code CarePlan}, read-only: an EHR follows its patient's plan while a Part 2 consent for
 * treatment plans names it. The same rules and audit as {@code /api/v1/treatment-plans}.
 */
@Path(ApiPaths.FHIR_R4 + "/CarePlan")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirCarePlanResource implements FhirCapability {

    private static final String TYPE = "CarePlan";
    /** A plan's goals, one per problem: {@code _include} on a plan search, {@code _revinclude} on a goal search. */
    static final String GOALS = "CarePlan:goal";

    private final TreatmentPlans plans;
    private final ClinicCalendar calendar;

    FhirCarePlanResource(TreatmentPlans plans, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.plans = plans;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION, Roles.SUBSCRIPTION_SENDER })
    @Operation(hidden = true)
    public Response read(@PathParam("id") String id) {
        TreatmentPlan plan = plans.get(SearchParameters.id(TYPE, id));
        return FhirResponses.read(FhirCarePlans.toFhir(plan, calendar), plan.version);
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", SearchParameters.INCLUDE));
        boolean goals = !search.includes(SearchParameters.INCLUDE, Set.of(GOALS)).isEmpty();
        return SearchBundles.ofAll(plans.ofPatientUnread(search.requiredPatient(), null), search,
                plan -> FhirCarePlans.toFhir(plan, calendar), uri, plans::recordRead,
                page -> goals ? page.stream().flatMap(plan -> plan.problems().stream()
                        .map(problem -> FhirGoals.toFhir(new PlanGoal(plan, problem)))).toList() : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE).addSearchInclude(GOALS);
    }
}
