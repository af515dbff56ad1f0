package io.cairn.intake.api;

import io.cairn.contracts.events.LevelOfCare;
import io.cairn.intake.domain.assessment.LevelOfCareDecision;
import java.time.Instant;

public record LevelOfCareDecisionView(LevelOfCare recommended, LevelOfCare decided, String overrideReason,
        String decidedBy, Instant decidedAt) {

    public static LevelOfCareDecisionView of(LevelOfCareDecision d) {
        return new LevelOfCareDecisionView(d.recommended, d.decided, d.overrideReason, d.decidedBy, d.decidedAt);
    }
}
