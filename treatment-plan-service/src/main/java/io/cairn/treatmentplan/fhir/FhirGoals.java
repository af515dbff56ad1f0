package io.cairn.treatmentplan.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.fhir.SecurityLabels;
import io.cairn.treatmentplan.domain.Objective;
import io.cairn.treatmentplan.domain.ObjectiveStatus;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Goal.GoalLifecycleStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * A problem's goal in a treatment plan as a FHIR {@code Goal}, its objectives as targets with their due dates. The
 * goal is {@code achieved} once every objective is met, {@code in-progress} once any is under way.
 */
final class FhirGoals {

    private FhirGoals() {
    }

    /** One goal of a plan: the plan and the problem it serves. */
    record PlanGoal(TreatmentPlan plan, PlanProblem problem) {
    }

    static Goal toFhir(PlanGoal planGoal) {
        TreatmentPlan plan = planGoal.plan();
        PlanProblem problem = planGoal.problem();
        Goal fhir = new Goal();
        fhir.setId(problem.id().toString());
        fhir.getMeta().setVersionId(String.valueOf(plan.version));
        Fhir.lastUpdated(fhir, plan.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setLifecycleStatus(switch (plan.status) {
            case DRAFT, AWAITING_APPROVAL -> GoalLifecycleStatus.PROPOSED;
            case ACTIVE -> GoalLifecycleStatus.ACTIVE;
            case GRADUATED -> GoalLifecycleStatus.COMPLETED;
            case DISCHARGED -> GoalLifecycleStatus.CANCELLED;
        });
        achievementOf(problem).ifPresent(fhir::setAchievementStatus);
        fhir.setDescription(new CodeableConcept().setText(problem.goal()));
        fhir.setSubject(new Reference("Patient/" + plan.patientId));
        fhir.addAddresses().setDisplay(problem.description());
        for (Objective objective : problem.objectives()) {
            fhir.addTarget().setMeasure(new CodeableConcept().setText(objective.description()))
                    .setDue(new DateType(objective.targetDate().toString()));
            fhir.addNote().setText(objective.description() + ": "
                    + Fhir.words(objective.status()));
        }
        return fhir;
    }

    private static java.util.Optional<CodeableConcept> achievementOf(PlanProblem problem) {
        String system = "http://terminology.hl7.org/CodeSystem/goal-achievement";
        if (problem.objectives().stream().allMatch(o -> o.status() == ObjectiveStatus.MET)) {
            return java.util.Optional.of(new CodeableConcept(new Coding(system, "achieved", "Achieved")));
        }
        if (problem.objectives().stream().anyMatch(o -> o.status() == ObjectiveStatus.PROGRESSING
                || o.status() == ObjectiveStatus.MET)) {
            return java.util.Optional.of(new CodeableConcept(new Coding(system, "in-progress", "In Progress")));
        }
        return java.util.Optional.empty();
    }
}
