package io.cairn.intake.api;

import io.cairn.contracts.events.LevelOfCare;
import io.cairn.intake.domain.assessment.LevelOfCareDecision;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LevelOfCareDecisionView", example = """
        {"recommended":"2.1","decided":"2.5","overrideReason":"Relapsed twice after outpatient care",
         "decidedBy":"clinician","decidedAt":"2026-11-24T11:45:00Z"}""")
public record LevelOfCareDecisionView(LevelOfCare recommended, LevelOfCare decided,
        @Schema(nullable = true) String overrideReason, String decidedBy, Instant decidedAt) {

    public static LevelOfCareDecisionView of(LevelOfCareDecision d) {
        return new LevelOfCareDecisionView(d.recommended, d.decided, d.overrideReason, d.decidedBy, d.decidedAt);
    }
}
