package io.cairn.scheduling.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.api.ListWindow;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Puts each approved plan's patient in a fitting track, or on the waitlist; ends the enrollment with the episode. */
@ApplicationScoped
public class Enrollments {

    private final Bookings bookings;
    private final ClinicCalendar calendar;
    private final Outbox outbox;
    private final PatientAccess access;

    Enrollments(Bookings bookings, ClinicCalendar calendar, Outbox outbox, PatientAccess access) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.outbox = outbox;
        this.access = access;
    }

    /**
     * Enrolls in the active track that matches the age group and schedule preference, has room, and provides at
     * least the plan's weekly hours (the fewest such hours first), and books its future sessions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Enrollment enroll(PlanApproved plan) {
        Optional<Enrollment> existing = Enrollment.find("planId", plan.planId()).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Enrollment enrollment = new Enrollment();
        enrollment.id = UUID.randomUUID();
        enrollment.patientId = plan.patientId();
        enrollment.planId = plan.planId();
        enrollment.weeklyHoursTarget = plan.weeklyHours();
        enrollment.population = plan.population();
        enrollment.preferredSchedule = plan.preferredSchedule();
        enrollment.decidedAt = Instant.now();
        place(enrollment, fittingTrack(enrollment));
        return enrollment;
    }

    /**
     * A revision of the plan in force: the enrollment takes its weekly hours and schedule. A track that no longer
     * gives them is left for one that does, or for the waitlist: the track's future sessions are released (sessions
     * booked by hand, individual and family ones, stay) and the new track's booked. An enrollment whose track still
     * fits keeps it; a waitlisted one that still finds none keeps its place in the queue.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(PlanRevised plan) {
        Enrollment.<Enrollment> find("planId", plan.planId()).firstResultOptional()
                .filter(e -> e.status != EnrollmentStatus.ENDED).ifPresent(enrollment -> {
                    enrollment.weeklyHoursTarget = plan.weeklyHours();
                    enrollment.preferredSchedule = plan.preferredSchedule();
                    Track current = enrollment.trackId == null ? null : Track.findById(enrollment.trackId);
                    if (current != null && fits(current, enrollment)) {
                        return;
                    }
                    if (current == null) {
                        // Waitlisted: a track found now places it; none found keeps its place in the queue.
                        Optional<Track> track = fittingTrack(enrollment);
                        if (track.isPresent()) {
                            enrollment.decidedAt = Instant.now();
                            place(enrollment, track);
                        } else {
                            enrollment.waitlistReason = waitlistReason(enrollment);
                        }
                        return;
                    }
                    Booking.update("status = ?1 where enrollmentId = ?2 and status = ?3 and sessionId in "
                            + "(select s.id from Session s where s.startsAt > ?4)", BookingStatus.RELEASED,
                            enrollment.id, BookingStatus.BOOKED, Instant.now());
                    enrollment.trackId = null;
                    enrollment.decidedAt = Instant.now();
                    place(enrollment, fittingTrack(enrollment));
                });
    }

    /** Puts the enrollment in the track found for it, booking its future sessions, or on the waitlist; publishes which. */
    private void place(Enrollment enrollment, Optional<Track> track) {
        if (track.isEmpty()) {
            enrollment.status = EnrollmentStatus.WAITLISTED;
            enrollment.waitlistReason = waitlistReason(enrollment);
            enrollment.startsOn = null;
            enrollment.persist();
        } else {
            enrollment.status = EnrollmentStatus.ENROLLED;
            enrollment.trackId = track.get().id;
            enrollment.waitlistReason = null;
            enrollment.persist();
            List<Session> future = Session.list("trackId = ?1 and startsAt > ?2", Sort.ascending("startsAt"),
                    enrollment.trackId, Instant.now());
            LocalDate first = null;
            for (Session session : future) {
                if (bookings.tryBook(session, enrollment.patientId, enrollment.id) && first == null) {
                    first = calendar.dateOf(session.startsAt);
                }
            }
            enrollment.startsOn = first != null ? first : calendar.today();
        }
        outbox.publish(new PatientEnrolled(enrollment.id, enrollment.patientId, enrollment.planId,
                enrollment.status == EnrollmentStatus.ENROLLED ? io.cairn.contracts.events.EnrollmentStatus.ENROLLED
                        : io.cairn.contracts.events.EnrollmentStatus.WAITLISTED,
                enrollment.trackId, enrollment.startsOn, enrollment.waitlistReason, enrollment.decidedAt));
    }

    /** Ends the plan's enrollment and releases its future bookings; a second call changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(UUID planId, LocalDate endedOn, String reason) {
        Enrollment.<Enrollment> find("planId", planId).firstResultOptional()
                .filter(e -> e.status != EnrollmentStatus.ENDED).ifPresent(enrollment -> {
                    enrollment.status = EnrollmentStatus.ENDED;
                    enrollment.endedOn = endedOn;
                    enrollment.endReason = reason;
                    releaseFutureBookings(enrollment);
                });
    }

    private static String waitlistReason(Enrollment enrollment) {
        return "No active " + enrollment.population.name().toLowerCase() + " "
                + (enrollment.preferredSchedule == null ? "" : enrollment.preferredSchedule.name().toLowerCase() + " ")
                + "track with room provides " + enrollment.weeklyHoursTarget + " hours a week";
    }

    /** Every future session the patient is booked in: the episode is over. */
    private static void releaseFutureBookings(Enrollment enrollment) {
        Booking.update("status = ?1 where patientId = ?2 and status = ?3 and sessionId in "
                + "(select s.id from Session s where s.startsAt > ?4)", BookingStatus.RELEASED,
                enrollment.patientId, BookingStatus.BOOKED, Instant.now());
    }

    /**
     * One window of the enrollments, a patient's newest first, a status's oldest decided first (who has waited
     * longest). Only the window's rows are read and audited.
     */
    @Transactional
    public PageOf<Enrollment> list(UUID patientId, EnrollmentStatus status, ListWindow.Window window) {
        PanacheQuery<Enrollment> query;
        if (patientId != null && status != null) {
            query = Enrollment.find("patientId = ?1 and status = ?2", Sort.descending("decidedAt").and("id"),
                    patientId, status);
        } else if (patientId != null) {
            query = Enrollment.find("patientId", Sort.descending("decidedAt").and("id"), patientId);
        } else if (status != null) {
            query = Enrollment.find("status", Sort.ascending("decidedAt").and("id"), status);
        } else {
            query = Enrollment.findAll(Sort.descending("decidedAt").and("id"));
        }
        PageOf<Enrollment> found = window.of(query);
        recordRead(found.items());
        return found;
    }

    /**
     * The track's cohort: each patient enrolled in it, now or before (their latest enrollment), that the caller may
     * see, without recording that any was read ({@link #recordRead}). An EHR sees the members whose consent names it
     * for attendance.
     */
    @Transactional
    public List<Enrollment> membersOfUnread(UUID trackId) {
        Map<UUID, Enrollment> latest = new LinkedHashMap<>();
        Enrollment.<Enrollment> list("trackId = ?1 and status in ?2", Sort.ascending("decidedAt", "id"), trackId,
                List.of(EnrollmentStatus.ENROLLED, EnrollmentStatus.ENDED)).forEach(e -> latest.put(e.patientId, e));
        return latest.values().stream().filter(e -> access.mayRead(e.patientId, RecordCategory.ATTENDANCE)).toList();
    }

    /** Records that the caller read these enrollments: for an EHR, a disclosure in each patient's accounting. */
    @Transactional
    public void recordRead(List<Enrollment> enrollments) {
        access.readAll(RecordCategory.ATTENDANCE, "enrollment", enrollments, e -> e.id, e -> e.patientId);
    }

    private Optional<Track> fittingTrack(Enrollment enrollment) {
        // Locked: two approvals at once cannot both take a track's last place.
        return Track.<Track> find("ageGroup", enrollment.population)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(t -> fits(t, enrollment))
                .filter(t -> Enrollment.count("trackId = ?1 and status = ?2", t.id, EnrollmentStatus.ENROLLED) < t.capacity)
                .min(Comparator.comparing(Track::weeklyHours).thenComparing(t -> t.name));
    }

    /** Whether the track, active today, meets the enrollment's schedule and weekly hours. */
    private boolean fits(Track track, Enrollment enrollment) {
        return track.isActiveOn(calendar.today())
                && (enrollment.preferredSchedule == null || track.scheduleType == enrollment.preferredSchedule)
                && track.weeklyHours().compareTo(enrollment.weeklyHoursTarget) >= 0;
    }
}
