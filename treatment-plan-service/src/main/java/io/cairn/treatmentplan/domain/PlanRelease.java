package io.cairn.treatmentplan.domain;

/**
 * Which records of other categories than the plan's own an answer about a plan may carry: what the assessment found
 * that raised each problem ({@link PlanProblem#screening()}, assessments) and why the plan was flagged for review (the
 * hours attended, attendance). Staff and the patient have both; an EHR client what a Part 2 consent releases to it
 * ({@link TreatmentPlans#releaseOf}).
 */
public record PlanRelease(boolean screenings, boolean hoursAttended) {

    public static final PlanRelease WHOLE = new PlanRelease(true, true);
}
