package io.cairn.intake.domain.reminder;

import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.CheckInDue;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.ReScreenDue;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.kit.api.ClinicCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Queues a reminder for what another service announced is coming (a booked session, re-screens due, an aftercare
 * check-in), once per thing however often it is announced; withdraws it when the booking is released or the check-in
 * done; and stops what an
 * episode's end leaves behind: nothing
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
    /**
     * Settles pending reminders, passing over one a sender holds: it is being sent, or is checked again for the
     * episode's end before it is.
     */
    private static final String SKIP_PENDING = """
            UPDATE reminder SET status = 'SKIPPED', outcome = ?1, settled_at = ?2
            WHERE id IN (SELECT r.id FROM reminder r WHERE r.status = 'PENDING' AND %s FOR UPDATE SKIP LOCKED)
            """;
    /** Settles pending reminders, waiting for a sender that holds one (a few seconds at most). */
    private static final String SKIP_PENDING_WAITING = """
            UPDATE reminder r SET status = 'SKIPPED', outcome = ?1, settled_at = ?2 WHERE r.status = 'PENDING' AND %s
            """;
    static final String EPISODE_ENDED = "the episode ended before it";
    static final String RELEASED = "the booking was released";
    static final String DONE = "it was done before the reminder was sent";

    private static final int RE_SCREEN_REMINDED_FOR_DAYS = 3;

    private final EntityManager entities;
    private final ClinicCalendar calendar;

    Reminders(EntityManager entities, ClinicCalendar calendar) {
        this.entities = entities;
        this.calendar = calendar;
    }

    public void sessionUpcoming(SessionUpcoming session) {
        queue(session.patientId(), ReminderKind.SESSION, session.bookingId().toString(), session.startsAt(),
                session.bookedAt());
    }

    /**
     * @param dueAt when what it reminds of happens, or stops being worth a reminder
     * @param bookedAt when it was booked or announced: an episode that ended after it and before {@code dueAt} stops it
     */
    private void queue(UUID patientId, ReminderKind kind, String subjectId, Instant dueAt, Instant bookedAt) {
        entities.createNativeQuery(QUEUE).setParameter(1, patientId).setParameter(2, kind.name())
                .setParameter(3, subjectId).setParameter(4, dueAt).setParameter(5, bookedAt)
                .setParameter(6, Instant.now()).executeUpdate();
        skip(EPISODE_ENDED, "r.patient_id = ?3 AND " + ENDED_BETWEEN.formatted("r"), patientId);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }

    /**
     * Re-screens fell due: reminded on the day, and not after three days, when the patient will have been asked again
     * or their care team will.
     */
    public void reScreenDue(ReScreenDue due) {
        // From the announcement's day, not the due date: what fell due while nobody announced it is still reminded.
        LocalDate announcedOn = calendar.dateOf(due.announcedAt());
        LocalDate from = due.dueOn().isAfter(announcedOn) ? due.dueOn() : announcedOn;
        // One per announcement: each tells of something newly due, whatever the latest due date.
        queue(due.patientId(), ReminderKind.RE_SCREEN, due.planId() + "/" + due.announcedAt(),
                startOf(from.plusDays(RE_SCREEN_REMINDED_FOR_DAYS)), due.announcedAt());
    }

    /** A check-in's window opened: reminded until it closes. */
    public void checkInDue(CheckInDue due) {
        queue(due.patientId(), ReminderKind.CHECK_IN, due.checkInId().toString(),
                startOf(due.windowClosesOn().plusDays(1)), due.announcedAt());
    }

    /**
     * The booking was released: its reminder is withdrawn, waiting for a sender that holds it, since nothing checks for
     * a release again at send time.
     */
    public void bookingReleased(BookingReleased booking) {
        withdraw(RELEASED, ReminderKind.SESSION, booking.bookingId().toString());
    }

    /** The check-in was done: a reminder still waiting (quiet hours, a refusal) is withdrawn. */
    public void checkInRecorded(CheckInRecorded checkIn) {
        withdraw(DONE, ReminderKind.CHECK_IN, checkIn.checkInId().toString());
    }

    /**
     * The patient answered every re-screen their plan asked for: a reminder of what was announced until then, still
     * waiting (quiet hours), is withdrawn. One announced later tells of something newly due, and stays.
     */
    public void reScreensDone(ReScreensDone done) {
        entities.createNativeQuery(SKIP_PENDING_WAITING.formatted("r.patient_id = ?3 AND r.kind = ?4 "
                + "AND r.subject_id LIKE ?5 AND r.booked_at <= ?6")).setParameter(1, DONE)
                .setParameter(2, Instant.now()).setParameter(3, done.patientId())
                .setParameter(4, ReminderKind.RE_SCREEN.name()).setParameter(5, done.planId() + "/%")
                .setParameter(6, done.doneAt()).executeUpdate();
    }

    private void withdraw(String why, ReminderKind kind, String subjectId) {
        entities.createNativeQuery(SKIP_PENDING_WAITING.formatted("r.kind = ?3 AND r.subject_id = ?4"))
                .setParameter(1, why).setParameter(2, Instant.now()).setParameter(3, kind.name())
                .setParameter(4, subjectId).executeUpdate();
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
