package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code treatment-plan.re-screens.done}: a re-screen was answered and the patient's active plan asks for none more
 * now, so a reminder still waiting to tell them something is due (quiet hours) is withdrawn. Like the announcement, it
 * names no instrument.
 *
 * @param doneAt when the last re-screen due was answered: reminders of what was announced until then are done
 */
public record ReScreensDone(UUID planId, UUID patientId, Instant doneAt) implements EventPayload {
}
