package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code aftercare.check-in.due}: an aftercare check-in's window opened, so the patient may be reminded of it.
 * Published once per check-in.
 *
 * @param dueOn the check-in's day (7, 30, 90, 180 or 365 days after discharge)
 * @param windowClosesOn the last day it counts: the reminder is not sent after it
 * @param announcedAt when aftercare announced it
 */
public record CheckInDue(UUID checkInId, UUID patientId, LocalDate dueOn, LocalDate windowClosesOn,
        Instant announcedAt) implements EventPayload {
}
