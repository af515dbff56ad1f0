package io.cairn.scheduling.domain;

import io.cairn.kit.problem.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Gives patients places in sessions: never two sessions at once, never more than the session holds. */
@ApplicationScoped
public class Bookings {

    /**
     * @throws ConflictException when the session is full, or the patient is already booked at that time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Booking book(Session session, UUID patientId, UUID enrollmentId) {
        // Lock the session row so that two bookings cannot both take its last place.
        Session locked = Session.findById(session.id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (locked.bookedCount() >= locked.capacity) {
            throw new ConflictException("Session " + session.id + " is full (" + locked.capacity + " places)");
        }
        long overlapping = Booking.count("""
                patientId = ?1 and status = ?2 and sessionId in
                  (select s.id from Session s where s.startsAt < ?3 and s.endsAt > ?4)""",
                patientId, BookingStatus.BOOKED, locked.endsAt, locked.startsAt);
        if (overlapping > 0) {
            throw new ConflictException("Patient " + patientId + " is already booked at that time");
        }
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.sessionId = session.id;
        booking.patientId = patientId;
        booking.enrollmentId = enrollmentId;
        booking.status = BookingStatus.BOOKED;
        booking.bookedAt = Instant.now();
        booking.persist();
        return booking;
    }

    /** Books where possible, skipping sessions that are full or clash: for automatic enrollment. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryBook(Session session, UUID patientId, UUID enrollmentId) {
        try {
            book(session, patientId, enrollmentId);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    public static boolean isBooked(UUID sessionId, UUID patientId) {
        return Booking.count("sessionId = ?1 and patientId = ?2 and status = ?3", sessionId, patientId,
                BookingStatus.BOOKED) > 0;
    }
}
