package io.cairn.treatmentplan.fhir;

import io.cairn.contracts.Roles;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.fhir.Fhir;
import io.cairn.fhir.FhirCapability;
import io.cairn.fhir.SearchBundles;
import io.cairn.fhir.SearchParameters;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import io.cairn.treatmentplan.fhir.FhirGoals.PlanGoal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Goal;

/**
 * The goals of a patient's treatment plans as {@code Goal}, one per problem, read-only and under the same rules as the
 * plans themselves (the category {@code treatment-plans}). A CarePlan lists its goals.
 */
@Path(ApiPaths.FHIR_R4 + "/Goal")
@Produces({ Fhir.JSON, Fhir.PLAIN_JSON })
public class FhirGoalResource implements FhirCapability {

    private static final String TYPE = "Goal";

    private final TreatmentPlans plans;

    private final ClinicCalendar calendar;

    FhirGoalResource(TreatmentPlans plans, ClinicCalendar calendar) {
        this.plans = plans;
        this.calendar = calendar;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Goal read(@PathParam("id") String id) {
        UUID problemId = SearchParameters.id(TYPE, id);
        TreatmentPlan plan = plans.withProblem(problemId);
        return plan.problems().stream().filter(problem -> problemId.equals(problem.id())).findFirst()
                .map(problem -> FhirGoals.toFhir(new PlanGoal(plan, problem)))
                .orElseThrow(() -> new ResourceNotFoundException(TYPE, id));
    }

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.CASE_MANAGER, Roles.PROGRAM_DIRECTOR, Roles.PATIENT,
            Roles.EHR_INTEGRATION })
    @Operation(hidden = true)
    public Bundle search(@Context UriInfo uri) {
        SearchParameters search = SearchParameters.of(uri, Set.of("patient", SearchParameters.REVINCLUDE));
        boolean plansOfGoals = !search.includes(SearchParameters.REVINCLUDE, Set.of(FhirCarePlanResource.GOALS))
                .isEmpty();
        return SearchBundles.ofAll(plans.ofPatientUnread(search.requiredPatient(), null).stream()
                .flatMap(plan -> plan.problems().stream().map(problem -> new PlanGoal(plan, problem))).toList(),
                search, FhirGoals::toFhir, uri,
                page -> plans.recordRead(page.stream().map(PlanGoal::plan).distinct().toList()), page -> plansOfGoals
                        ? page.stream().map(PlanGoal::plan).distinct().map(plan -> FhirCarePlans.toFhir(plan, calendar))
                                .toList()
                        : List.of());
    }

    @Override
    public CapabilityStatementRestResourceComponent describe() {
        return FhirCapability.searchedByPatient(TYPE, "Patient/{id}; required", TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE).addSearchRevInclude(FhirCarePlanResource.GOALS);
    }
}
