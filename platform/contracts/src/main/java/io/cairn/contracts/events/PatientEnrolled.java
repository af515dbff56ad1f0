package io.cairn.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code scheduling.patient.enrolled}: the patient has a track, or is waitlisted with the reason.
 *
 * @param trackId the track joined; {@code null} when waitlisted
 * @param startsOn first day on the track; {@code null} when waitlisted
 * @param waitlistReason why no track fits; {@code null} when enrolled
 */
public record PatientEnrolled(UUID enrollmentId, UUID patientId, UUID planId, EnrollmentStatus status, UUID trackId,
        LocalDate startsOn, String waitlistReason, Instant decidedAt) implements EventPayload {
}
