package io.cairn.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code scheduling.booking.released}: a booking announced as upcoming ({@code scheduling.session.upcoming}) was
 * released before the session (a cancelled place, a move to another track, the episode's end), or the patient's
 * attendance there was recorded ahead of it (excused): its reminder is no longer wanted. Published only for
 * bookings that were announced.
 */
public record BookingReleased(UUID bookingId, UUID patientId, UUID sessionId, Instant releasedAt)
        implements
            EventPayload {
}
