package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code scheduling.session.upcoming}: a session the patient is booked into starts soon (scheduling's reminder lead
 * time before it), so the patient may be reminded of it. Published once per booking; it names the session, never its
 * title, track or place, since a reminder carries no program information.
 *
 * @param bookingId the patient's place in the session
 * @param startsAt when the session starts
 * @param bookedAt when the patient was booked: an episode that ended after it and before the session stops the
 *        reminder, whatever order the two events arrive in
 */
public record SessionUpcoming(UUID bookingId, UUID patientId, UUID sessionId, Instant startsAt, Instant bookedAt)
        implements
            EventPayload {
}
