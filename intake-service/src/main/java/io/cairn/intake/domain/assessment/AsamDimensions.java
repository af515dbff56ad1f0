package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.AsamRatings;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The clinician's rating, 0–4, of each of ASAM's six dimensions. */
@Embeddable
public record AsamDimensions(
        @NotNull @Min(0) @Max(4) @Column(name = "asam_intoxication_withdrawal") Integer intoxicationWithdrawal,
        @NotNull @Min(0) @Max(4) @Column(name = "asam_biomedical") Integer biomedical,
        @NotNull @Min(0) @Max(4) @Column(name = "asam_emotional_behavioral_cognitive") Integer emotionalBehavioralCognitive,
        @NotNull @Min(0) @Max(4) @Column(name = "asam_readiness_to_change") Integer readinessToChange,
        @NotNull @Min(0) @Max(4) @Column(name = "asam_relapse_potential") Integer relapsePotential,
        @NotNull @Min(0) @Max(4) @Column(name = "asam_recovery_environment") Integer recoveryEnvironment) {

    public List<Integer> all() {
        return List.of(intoxicationWithdrawal, biomedical, emotionalBehavioralCognitive, readinessToChange,
                relapsePotential, recoveryEnvironment);
    }

    public AsamRatings toEvent() {
        return new AsamRatings(intoxicationWithdrawal, biomedical, emotionalBehavioralCognitive, readinessToChange,
                relapsePotential, recoveryEnvironment);
    }
}
