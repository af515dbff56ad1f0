package io.cairn.treatmentplan.api;

import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.treatmentplan.domain.Attestation;
import io.cairn.treatmentplan.domain.PlanContent;
import io.cairn.treatmentplan.domain.PlanProblem;
import io.cairn.treatmentplan.domain.PlanRelease;
import io.cairn.treatmentplan.domain.PlanStatus;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TreatmentPlanView", example = """
        {"id":"2e6b9a10-3c4d-4e5f-8a7b-9c0d1e2f3a4b","patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10",
         "assessmentId":"3a8d2f4c-1b6e-4c0a-9e7d-2f5b8c1a6d90","status":"active","population":"adult",
         "planVersion":2,
         "problems":[{"id":"5d3c1e0a-7f1b-4f8e-9c2d-1a2b3c4d5e6f","kind":"alcohol-use",
           "description":"Alcohol use","screening":"AUDIT 19, zone-3-harmful","goal":"Stop drinking and build a life in recovery",
           "objectives":[{"id":"7a1f2b3c-4d5e-6f70-8192-a3b4c5d6e7f8",
             "description":"Abstain from alcohol for 4 consecutive weeks","targetDate":"2026-12-22",
             "status":"progressing"}],"interventions":["motivational-interviewing","cbt"]}],
         "weeklyHours":9,"expectedWeeks":10,"reviewIntervalDays":30,"preferredSchedule":"evening","revision":null,
         "draftedAt":"2026-11-24T12:00:00Z","acknowledgedBy":"patient","acknowledgedAt":"2026-11-24T16:00:00Z",
         "acknowledgedVersion":2,"acknowledgmentAttestation":null,"approvedBy":"clinician",
         "approvedAt":"2026-11-25T09:00:00Z","approvedVersion":2,"nextReviewDue":"2026-12-25",
         "flaggedForReview":false,"reviewFlagReason":null,"endedOn":null,"dischargeReason":null,"endNote":null}""")
public record TreatmentPlanView(UUID id, UUID patientId, UUID assessmentId, PlanStatus status, Population population,
        @Schema(description = "The latest content version; while a revision waits, its number") int planVersion,
        @Schema(description = "The problems in force, each objective with the progress recorded toward it") List<PlanProblem> problems,
        BigDecimal weeklyHours, int expectedWeeks,
        int reviewIntervalDays, @Schema(nullable = true) PreferredSchedule preferredSchedule,
        @Schema(nullable = true, description = "A change of the approved plan that awaits the patient's acknowledgment and a clinician's approval; the content above stays in force until then") PlanContent revision,
        Instant draftedAt, @Schema(nullable = true) String acknowledgedBy,
        @Schema(nullable = true) Instant acknowledgedAt, @Schema(nullable = true) Integer acknowledgedVersion,
        @Schema(nullable = true, description = "Present when staff recorded the acknowledgment for the patient: who witnessed it and how") Attestation acknowledgmentAttestation,
        @Schema(nullable = true, description = "Who approved the version in force") String approvedBy,
        @Schema(nullable = true, description = "When the plan was first approved and took effect") Instant approvedAt,
        @Schema(nullable = true, description = "The version in force") Integer approvedVersion,
        @Schema(nullable = true) LocalDate nextReviewDue,
        boolean flaggedForReview,
        @Schema(nullable = true, description = "Why the plan was flagged: the hours attended and sessions missed. Attendance records: shown to an EHR client only while a Part 2 consent for attendance names it too") String reviewFlagReason,
        @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) DischargeReason dischargeReason,
        @Schema(nullable = true) String endNote) {

    /** The whole plan: for staff, and for the patient it belongs to. */
    public static TreatmentPlanView of(TreatmentPlan p) {
        return of(p, PlanRelease.WHOLE);
    }

    /** The plan without the records of other categories the caller may not have ({@link PlanRelease}). */
    public static TreatmentPlanView of(TreatmentPlan p, PlanRelease released) {
        PlanContent revision = p.revision().orElse(null);
        return new TreatmentPlanView(p.id, p.patientId, p.assessmentId, p.status, p.population, p.planVersion,
                released.screenings() ? p.problems() : p.problems().stream().map(PlanProblem::withoutScreening).toList(),
                p.weeklyHours, p.expectedWeeks, p.reviewIntervalDays, p.preferredSchedule,
                revision == null || released.screenings() ? revision : revision.withoutScreenings(), p.draftedAt,
                p.acknowledgedBy, p.acknowledgedAt, p.acknowledgedVersion,
                p.acknowledgmentMethod == null ? null
                        : new Attestation(p.acknowledgmentWitnessedBy, p.acknowledgmentMethod),
                p.approvedBy, p.approvedAt, p.approvedVersion, p.nextReviewDue,
                // Only engagement alerts flag a plan: the flag itself says attendance fell short.
                p.flaggedForReview && released.hoursAttended(), released.hoursAttended() ? p.reviewFlagReason : null, p.endedOn,
                p.dischargeReason, p.endNote);
    }
}
