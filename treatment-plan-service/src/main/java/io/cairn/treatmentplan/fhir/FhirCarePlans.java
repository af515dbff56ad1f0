package io.cairn.treatmentplan.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.fhir.SecurityLabels;
import io.cairn.treatmentplan.domain.Intervention;
import io.cairn.treatmentplan.domain.Objective;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.PlanStatus;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityStatus;
import org.hl7.fhir.r4.model.CarePlan.CarePlanIntent;
import org.hl7.fhir.r4.model.CarePlan.CarePlanStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A treatment plan as a FHIR {@code CarePlan}: its problems with their goals and objectives as the description of
 * each activity, the interventions as activities, the weekly hours and expected length as the plan's description. A
 * graduated plan is {@code completed}; one ended by discharge is {@code revoked}.
 */
final class FhirCarePlans {

    static final String TITLE = "Intensive outpatient treatment plan";

    private FhirCarePlans() {
    }

    static CarePlan toFhir(TreatmentPlan plan, ClinicCalendar calendar) {
        CarePlan fhir = new CarePlan();
        fhir.setId(plan.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(plan.version));
        Fhir.lastUpdated(fhir, plan.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(statusOf(plan.status)).setIntent(CarePlanIntent.PLAN).setTitle(TITLE)
                .setSubject(new Reference("Patient/" + plan.patientId))
                .setCreated(Date.from(plan.draftedAt))
                .setDescription("%s hours a week of group, individual and family sessions for %d weeks (plan version %d)"
                        .formatted(plan.weeklyHours.toPlainString(), plan.expectedWeeks, plan.versionInForce()));
        fhir.addCategory().setText("Substance use and mental health intensive outpatient program");
        if (plan.approvedAt != null) {
            // Both ends as days: a start with a time would come after an end on the same day (FHIR's per-1).
            Period period = new Period().setStartElement(day(calendar.dateOf(plan.approvedAt)));
            if (plan.endedOn != null) {
                period.setEndElement(day(plan.endedOn));
            }
            fhir.setPeriod(period);
        }
        for (PlanProblem problem : plan.problems()) {
            fhir.addAddresses().setDisplay(problem.description());
            fhir.addGoal(new Reference("Goal/" + problem.id()));
            for (Intervention intervention : problem.interventions()) {
                fhir.addActivity().getDetail().setStatus(activityStatusOf(plan.status))
                        .setCode(new CodeableConcept().setText(label(intervention)))
                        .setDescription(problem.goal() + ": " + objectives(problem));
            }
        }
        return fhir;
    }

    private static String objectives(PlanProblem problem) {
        return String.join("; ", problem.objectives().stream().map(FhirCarePlans::objective).toList());
    }

    private static String objective(Objective objective) {
        return objective.description() + " (by " + objective.targetDate() + ", "
                + Fhir.words(objective.status()) + ")";
    }

    private static String label(Intervention intervention) {
        return switch (intervention) {
            case CBT -> "Cognitive behavioral therapy";
            case DBT_SKILLS -> "Dialectical behavior therapy skills";
            case MBSR -> "Mindfulness-based stress reduction";
            case MAT_EVALUATION -> "Medication for addiction treatment evaluation";
            default -> Fhir.capitalized(intervention);
        };
    }

    private static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    private static CarePlanStatus statusOf(PlanStatus status) {
        return switch (status) {
            case DRAFT, AWAITING_APPROVAL -> CarePlanStatus.DRAFT;
            case ACTIVE -> CarePlanStatus.ACTIVE;
            case GRADUATED -> CarePlanStatus.COMPLETED;
            case DISCHARGED -> CarePlanStatus.REVOKED;
        };
    }

    private static CarePlanActivityStatus activityStatusOf(PlanStatus status) {
        return switch (status) {
            case DRAFT, AWAITING_APPROVAL -> CarePlanActivityStatus.NOTSTARTED;
            case ACTIVE -> CarePlanActivityStatus.INPROGRESS;
            case GRADUATED -> CarePlanActivityStatus.COMPLETED;
            case DISCHARGED -> CarePlanActivityStatus.STOPPED;
        };
    }
}
