package io.cairn.intake.domain.reminder;

import io.cairn.contracts.events.SessionUpcoming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues a reminder for what another service announced is coming (a booked session), once per thing however often
 * it is announced, and stops the reminders of an episode that ended: nothing due after a graduation or a discharge is
 * sent until a new plan is approved.
 */
@ApplicationScoped
public class Reminders {

    private static final String QUEUE = """
            INSERT INTO reminder (patient_id, kind, subject_id, due_at, status, send_after, outcome, settled_at)
            SELECT ?1, ?2, ?3, ?4, CASE WHEN e.patient_id IS NULL THEN 'PENDING' ELSE 'SKIPPED' END, ?5,
                   CASE WHEN e.patient_id IS NULL THEN NULL ELSE CAST(?6 AS TEXT) END,
                   CASE WHEN e.patient_id IS NULL THEN NULL ELSE CAST(?5 AS TIMESTAMPTZ) END
            FROM (SELECT 1) one LEFT JOIN episode_end e ON e.patient_id = ?1 AND e.ended_at < ?4
            ON CONFLICT (kind, subject_id) DO NOTHING
            """;
    static final String EPISODE_ENDED = "the episode ended before it";

    private final EntityManager entities;

    Reminders(EntityManager entities) {
        this.entities = entities;
    }

    public void sessionUpcoming(SessionUpcoming session) {
        queue(session.patientId(), ReminderKind.SESSION, session.bookingId().toString(), session.startsAt());
    }

    private void queue(UUID patientId, ReminderKind kind, String subjectId, Instant dueAt) {
        entities.createNativeQuery(QUEUE).setParameter(1, patientId).setParameter(2, kind.name())
                .setParameter(3, subjectId).setParameter(4, dueAt).setParameter(5, Instant.now())
                .setParameter(6, EPISODE_ENDED).executeUpdate();
    }

    /** The episode ended: what is due after it is not sent, now or when announced later. */
    public void episodeEnded(UUID patientId, Instant endedAt) {
        entities.createNativeQuery("""
                INSERT INTO episode_end (patient_id, ended_at) VALUES (?1, ?2)
                ON CONFLICT (patient_id) DO UPDATE SET ended_at = GREATEST(episode_end.ended_at, EXCLUDED.ended_at)
                """).setParameter(1, patientId).setParameter(2, endedAt).executeUpdate();
        entities.createNativeQuery("""
                UPDATE reminder SET status = 'SKIPPED', outcome = ?3, settled_at = ?4
                WHERE patient_id = ?1 AND status = 'PENDING' AND due_at > ?2
                """).setParameter(1, patientId).setParameter(2, endedAt).setParameter(3, EPISODE_ENDED)
                .setParameter(4, Instant.now()).executeUpdate();
    }

    /** A plan approved after the episode ended begins a new one: its reminders are sent again. */
    public void planApproved(UUID patientId, Instant approvedAt) {
        entities.createNativeQuery("DELETE FROM episode_end WHERE patient_id = ?1 AND ended_at < ?2")
                .setParameter(1, patientId).setParameter(2, approvedAt).executeUpdate();
    }
}
