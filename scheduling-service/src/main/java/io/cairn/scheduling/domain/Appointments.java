package io.cairn.scheduling.domain;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A patient's appointments: each session they were booked into, with its attendance once recorded. Read under the
 * same Part 2 rules as the rest of their attendance.
 */
@ApplicationScoped
public class Appointments {

    static final String RESOURCE = "appointment";

    private final PatientAccess access;

    Appointments(PatientAccess access) {
        this.access = access;
    }

    /** One booking with its session, and its attendance when recorded. */
    public record Appointment(Booking booking, Session session, Optional<Attendance> attendance) {
    }

    @Transactional
    public Appointment get(UUID bookingId) {
        Booking booking = Booking.findById(bookingId);
        if (booking == null) {
            throw new ResourceNotFoundException("Appointment", bookingId);
        }
        access.read(RecordCategory.ATTENDANCE, RESOURCE, bookingId, booking.patientId);
        return withSessions(List.of(booking)).get(0);
    }

    /** The appointment whose attendance this is (an encounter), if the caller may see it. */
    @Transactional
    public Appointment ofAttendance(UUID attendanceId) {
        Attendance attendance = Attendance.findById(attendanceId);
        if (attendance == null) {
            throw new ResourceNotFoundException("Encounter", attendanceId);
        }
        access.read(RecordCategory.ATTENDANCE, "encounter", attendanceId, attendance.patientId);
        Booking booking = Booking.<Booking> find("sessionId = ?1 and patientId = ?2", Sort.descending("bookedAt"),
                attendance.sessionId, attendance.patientId).firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("Encounter", attendanceId));
        return withSessions(List.of(booking)).get(0);
    }

    /** Every appointment of the patient, earliest first; each one returned is audited. */
    @Transactional
    public List<Appointment> ofPatient(UUID patientId) {
        List<Appointment> appointments = ofPatientUnread(patientId);
        recordRead(appointments);
        return appointments;
    }

    /**
     * The patient's appointments, once the caller may read their attendance at all, without recording that any was
     * read: a search records those it answers ({@link #recordRead}).
     */
    @Transactional
    public List<Appointment> ofPatientUnread(UUID patientId) {
        access.search(RecordCategory.ATTENDANCE, patientId);
        return withSessions(Booking.list("patientId", Sort.ascending("bookedAt"), patientId));
    }

    /** Records that the caller read these appointments: for an EHR, a disclosure in each patient's accounting. */
    @Transactional
    public void recordRead(List<Appointment> appointments) {
        access.readAll(RecordCategory.ATTENDANCE, RESOURCE, appointments, a -> a.booking().id,
                a -> a.booking().patientId);
    }

    /**
     * Every patient's appointments, in three queries, for an export that decides for itself who may have each: none is
     * recorded as read here.
     */
    @Transactional
    public List<Appointment> everyPatients() {
        return joined(Booking.listAll(Sort.ascending("bookedAt")), Session.listAll(), Attendance.listAll());
    }

    /** Three queries, whatever the number of bookings: their sessions and the patient's attendance at them. */
    private static List<Appointment> withSessions(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return List.of();
        }
        List<UUID> sessionIds = bookings.stream().map(b -> b.sessionId).distinct().toList();
        return joined(bookings, Session.list("id in ?1", sessionIds), Attendance.list(
                "patientId = ?1 and sessionId in ?2", bookings.get(0).patientId, sessionIds)).stream()
                .sorted(Comparator.comparing(a -> a.session().startsAt)).toList();
    }

    /** Each booking with its session and, when recorded, its patient's attendance there, in the bookings' order. */
    private static List<Appointment> joined(List<Booking> bookings, List<Session> sessions,
            List<Attendance> attendance) {
        Map<UUID, Session> sessionsById = sessions.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<String, Attendance> attended = attendance.stream()
                .collect(Collectors.toMap(a -> a.patientId + "/" + a.sessionId, Function.identity()));
        return bookings.stream().map(b -> new Appointment(b, sessionsById.get(b.sessionId),
                Optional.ofNullable(attended.get(b.patientId + "/" + b.sessionId)))).toList();
    }
}
