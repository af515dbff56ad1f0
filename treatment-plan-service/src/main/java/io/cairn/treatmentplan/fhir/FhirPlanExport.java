package io.cairn.treatmentplan.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Treatment plans for a Bulk Data export: each plan as a CarePlan and its problems as Goals (treatment-plans). */
@ApplicationScoped
public class FhirPlanExport implements BulkExportSource {

    private final ClinicCalendar calendar;

    FhirPlanExport(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Set<String> exportedTypes() {
        return Set.of("CarePlan", "Goal");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Stream<TreatmentPlan> plans = BulkExportSource.changedSince(TreatmentPlan.class, since);
        return plans.flatMap(plan -> {
            List<Exported> exported = new ArrayList<>();
            if (types.contains("CarePlan")) {
                exported.add(new Exported(plan.patientId, RecordCategory.TREATMENT_PLANS,
                        FhirCarePlans.toFhir(plan, calendar)));
            }
            if (types.contains("Goal")) {
                plan.problems().forEach(problem -> exported.add(new Exported(plan.patientId,
                        RecordCategory.TREATMENT_PLANS, FhirGoals.toFhir(new FhirGoals.PlanGoal(plan, problem)))));
            }
            return exported.stream();
        });
    }
}
