package io.cairn.scheduling.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem.Violation;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Records who attended which session and for how long, and tells treatment planning. */
@ApplicationScoped
public class AttendanceRegister {

    public record Mark(UUID patientId, AttendanceStatus status, int minutesAttended, AttendanceMode mode) {
    }

    private final Sessions sessions;
    private final ClinicCalendar calendar;
    private final EngagementWatch engagement;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;

    AttendanceRegister(Sessions sessions, ClinicCalendar calendar, EngagementWatch engagement, PatientAccess access,
            Caller caller, Outbox outbox) {
        this.sessions = sessions;
        this.calendar = calendar;
        this.engagement = engagement;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    /** Records every mark of one session, all or none. */
    @Transactional
    public List<Attendance> record(UUID sessionId, List<Mark> marks) {
        Session session = sessions.find(sessionId);
        List<Violation> invalid = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            if (mark.minutesAttended() > session.minutes()) {
                invalid.add(new Violation("records[" + i + "].minutesAttended", "must not exceed the session's "
                        + session.minutes() + " minutes"));
            }
            boolean absent = mark.status() == AttendanceStatus.ABSENT || mark.status() == AttendanceStatus.EXCUSED;
            if (absent && mark.minutesAttended() > 0) {
                invalid.add(new Violation("records[" + i + "].minutesAttended", "must be 0 for " + mark.status()
                        .name().toLowerCase()));
            }
            if (marks.stream().filter(m -> m.patientId().equals(mark.patientId())).count() > 1) {
                invalid.add(new Violation("records[" + i + "].patientId", "is marked more than once"));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        List<Attendance> recorded = new ArrayList<>();
        for (Mark mark : marks) {
            if (!Bookings.isInSession(sessionId, mark.patientId())) {
                throw new ConflictException("Patient " + mark.patientId() + " is not booked in session " + sessionId);
            }
            recorded.add(keep(session, mark));
        }
        for (Mark mark : marks) {
            engagement.afterAttendance(mark.patientId());
        }
        return recorded;
    }

    private Attendance keep(Session session, Mark mark) {
        // Locked before its event takes its place in the outbox: two corrections of one mark commit, and are told, in
        // the same order, so that treatment planning ends with the mark kept here.
        Attendance attendance = Attendance.<Attendance> find("sessionId = ?1 and patientId = ?2", session.id,
                mark.patientId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElseGet(() -> {
                    Attendance fresh = new Attendance();
                    fresh.id = UUID.randomUUID();
                    fresh.sessionId = session.id;
                    fresh.patientId = mark.patientId();
                    return fresh;
                });
        attendance.status = mark.status();
        attendance.minutesAttended = mark.minutesAttended();
        attendance.mode = mark.mode();
        attendance.sessionDate = calendar.dateOf(session.startsAt);
        attendance.isoWeek = ClinicCalendar.isoWeek(attendance.sessionDate);
        attendance.recordedBy = caller.name();
        attendance.recordedAt = Instant.now();
        // Written before the event is: a first mark racing another for the same patient fails here (409), unpublished.
        attendance.persistAndFlush();
        access.wrote("record", "attendance", attendance.id, attendance.patientId);
        outbox.publish(new AttendanceRecorded(attendance.id, attendance.patientId, session.id, session.kind,
                attendance.status, attendance.minutesAttended, attendance.sessionDate, attendance.recordedAt,
                attendance.mode));
        return attendance;
    }
}
