package io.cairn.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.api.ListWindow;
import io.cairn.contracts.events.PatientEnrolled;
import io.cairn.contracts.events.PlanApproved;
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
        Optional<Track> track = fittingTrack(plan);
        if (track.isEmpty()) {
            enrollment.status = EnrollmentStatus.WAITLISTED;
            enrollment.waitlistReason = "No active " + plan.population().name().toLowerCase() + " "
                    + (plan.preferredSchedule() == null ? "" : plan.preferredSchedule().name().toLowerCase() + " ")
                    + "track with room provides " + plan.weeklyHours() + " hours a week";
            enrollment.persist();
        } else {
            enrollment.status = EnrollmentStatus.ENROLLED;
            enrollment.trackId = track.get().id;
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
        return enrollment;
    }

    /** Ends the plan's enrollment and releases its future bookings; a second call changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(UUID planId, LocalDate endedOn, String reason) {
        Enrollment.<Enrollment> find("planId", planId).firstResultOptional()
                .filter(e -> e.status != EnrollmentStatus.ENDED).ifPresent(enrollment -> {
                    enrollment.status = EnrollmentStatus.ENDED;
                    enrollment.endedOn = endedOn;
                    enrollment.endReason = reason;
                    Booking.update("status = ?1 where patientId = ?2 and status = ?3 and sessionId in "
                            + "(select s.id from Session s where s.startsAt > ?4)", BookingStatus.RELEASED,
                            enrollment.patientId, BookingStatus.BOOKED, Instant.now());
                });
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
        access.readAll(RecordCategory.ATTENDANCE, "enrollment", found.items(), e -> e.id, e -> e.patientId);
        return found;
    }

    private Optional<Track> fittingTrack(PlanApproved plan) {
        LocalDate today = calendar.today();
        // Locked: two approvals at once cannot both take a track's last place.
        return Track.<Track> find("ageGroup", plan.population())
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(t -> t.isActiveOn(today))
                .filter(t -> plan.preferredSchedule() == null || t.scheduleType == plan.preferredSchedule())
                .filter(t -> t.weeklyHours().compareTo(plan.weeklyHours()) >= 0)
                .filter(t -> Enrollment.count("trackId = ?1 and status = ?2", t.id, EnrollmentStatus.ENROLLED) < t.capacity)
                .min(Comparator.comparing(Track::weeklyHours).thenComparing(t -> t.name));
    }
}
