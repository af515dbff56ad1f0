package io.cairn.contracts.events;

/** The six ASAM dimensions, each rated 0–4. */
public record AsamRatings(int intoxicationWithdrawal, int biomedical, int emotionalBehavioralCognitive,
        int readinessToChange, int relapsePotential, int recoveryEnvironment) {
}
