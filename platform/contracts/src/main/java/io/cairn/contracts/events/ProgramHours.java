package io.cairn.contracts.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The hours of the program an episode attended against those its plan asked for, from approval to its end, and the
 * track it was last enrolled in.
 *
 * @param trackId null when the patient was never placed in a track (waitlisted)
 * @param expected the plan's weekly hours times the weeks from approval to the end
 */
public record ProgramHours(UUID trackId, BigDecimal attended, BigDecimal expected) {
}
