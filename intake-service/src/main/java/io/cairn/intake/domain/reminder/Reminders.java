package io.cairn.intake.domain.reminder;

import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.SessionUpcoming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues a reminder for what another service announced is coming (a booked session), once per thing however often
 * it is announced; withdraws it when the booking is released; and stops what an episode's end leaves behind: nothing
 * booked before a graduation or a discharge for after it is sent. A new episode's bookings, made after the end, are
 * reminded whichever event arrives first.
 */
@ApplicationScoped
public class Reminders {

    /** Whether an episode of the reminder's patient ended between its booking and what it reminds of. */
    static final String ENDED_BETWEEN = """
            EXISTS (SELECT 1 FROM episode_end e WHERE e.patient_id = %1$s.patient_id
                    AND e.ended_at > %1$s.booked_at AND e.ended_at < %1$s.due_at)""";
    private static final String QUEUE = """
            INSERT INTO reminder (patient_id, kind, subject_id, due_at, booked_at, status, send_after)
            VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6)
            ON CONFLICT (kind, subject_id) DO NOTHING
            """;
    /** Settles pending reminders, passing over one a sender holds (it is being sent, or checked again before). */
    private static final String SKIP_PENDING = """
            UPDATE reminder SET status = 'SKIPPED', outcome = ?1, settled_at = ?2
            WHERE id IN (SELECT r.id FROM reminder r WHERE r.status = 'PENDING' AND %s FOR UPDATE SKIP LOCKED)
            """;
    static final String EPISODE_ENDED = "the episode ended before it";
    static final String RELEASED = "the booking was released";

    private final EntityManager entities;

    Reminders(EntityManager entities) {
        this.entities = entities;
    }

    public void sessionUpcoming(SessionUpcoming session) {
        entities.createNativeQuery(QUEUE).setParameter(1, session.patientId())
                .setParameter(2, ReminderKind.SESSION.name()).setParameter(3, session.bookingId().toString())
                .setParameter(4, session.startsAt()).setParameter(5, session.bookedAt())
                .setParameter(6, Instant.now()).executeUpdate();
        skip(EPISODE_ENDED, "r.patient_id = ?3 AND " + ENDED_BETWEEN.formatted("r"), session.patientId());
    }

    public void bookingReleased(BookingReleased booking) {
        skip(RELEASED, "r.kind = 'SESSION' AND r.subject_id = ?3", booking.bookingId().toString());
    }

    /** The episode ended: what was booked before it for after it is not sent, now or when announced later. */
    public void episodeEnded(UUID patientId, Instant endedAt) {
        entities.createNativeQuery("INSERT INTO episode_end (patient_id, ended_at) VALUES (?1, ?2) "
                + "ON CONFLICT DO NOTHING").setParameter(1, patientId).setParameter(2, endedAt).executeUpdate();
        skip(EPISODE_ENDED, "r.patient_id = ?3 AND " + ENDED_BETWEEN.formatted("r"), patientId);
    }

    private void skip(String why, String which, Object parameter) {
        entities.createNativeQuery(SKIP_PENDING.formatted(which)).setParameter(1, why).setParameter(2, Instant.now())
                .setParameter(3, parameter).executeUpdate();
    }
}
