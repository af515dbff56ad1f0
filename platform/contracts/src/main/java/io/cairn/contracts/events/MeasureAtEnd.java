package io.cairn.contracts.events;

/**
 * Where one of the program's symptom series stood when the episode ended: its first score (the assessment's, or the
 * first re-screen) and its last by the end.
 *
 * @param instrument {@code PHQ-9} or {@code GAD-7}
 */
public record MeasureAtEnd(String instrument, int first, int last) {
}
