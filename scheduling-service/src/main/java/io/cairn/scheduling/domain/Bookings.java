package io.cairn.scheduling.domain;

import io.cairn.kit.persistence.Locks;
import io.cairn.kit.problem.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Gives patients places in sessions: never two sessions at once, never more than the session holds. */
@ApplicationScoped
public class Bookings {

    private final jakarta.persistence.EntityManager entities;
    private final io.cairn.kit.security.PatientAccess access;

    Bookings(jakarta.persistence.EntityManager entities, io.cairn.kit.security.PatientAccess access) {
        this.entities = entities;
        this.access = access;
    }

    /**
     * @throws ConflictException when the session is full, or the patient is already booked at that time
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ConflictException.class)
    public Booking book(Session session, UUID patientId, UUID enrollmentId) {
        // One booking of a patient at a time, and the session row locked: two concurrent bookings can neither both
        // take the last place nor put the patient in two sessions at once.
        Locks.forKey(entities, "booking:" + patientId);
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
        access.wrote("book", "booking", booking.id, patientId);
        return booking;
    }

    /** Books where possible, skipping sessions that are full or clash: for automatic enrollment. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ConflictException.class)
    public boolean tryBook(Session session, UUID patientId, UUID enrollmentId) {
        try {
            book(session, patientId, enrollmentId);
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    /** Whether the patient belongs to the session: booked now, or attendance already recorded (a booking released later). */
    public static boolean isInSession(UUID sessionId, UUID patientId) {
        return isBooked(sessionId, patientId)
                || Attendance.count("sessionId = ?1 and patientId = ?2", sessionId, patientId) > 0;
    }

    public static boolean isBooked(UUID sessionId, UUID patientId) {
        return Booking.count("sessionId = ?1 and patientId = ?2 and status = ?3", sessionId, patientId,
                BookingStatus.BOOKED) > 0;
    }
}
