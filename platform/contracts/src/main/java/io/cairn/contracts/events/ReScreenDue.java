package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code treatment-plan.re-screen.due}: the patient's active plan asks for a re-screen from {@code dueOn}, so the
 * patient may be reminded to answer it in the app. Published once each time something new falls due; it names no
 * instrument, since a reminder carries no health information.
 *
 * @param dueOn the latest due date among the re-screens due
 * @param announcedAt when the plan found it due: an episode that ended after it stops the reminder
 */
public record ReScreenDue(UUID planId, UUID patientId, LocalDate dueOn, Instant announcedAt) implements EventPayload {
}
