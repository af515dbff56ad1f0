package io.cairn.scheduling.domain;

import io.cairn.kit.persistence.Locks;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.SessionKind;
import io.cairn.kit.api.ListWindow;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plans sessions: one by one, or weekly from a track's pattern; a facilitator is never in two at once. */
@ApplicationScoped
public class Sessions {

    private final Bookings bookings;
    private final ClinicCalendar calendar;
    private final jakarta.persistence.EntityManager entities;

    Sessions(Bookings bookings, ClinicCalendar calendar, jakarta.persistence.EntityManager entities) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.entities = entities;
    }

    public record NewSession(SessionKind kind, GroupType groupType, String title, String facilitatorId, int capacity,
            String location, String telehealthUrl, Instant startsAt, Instant endsAt) {
    }

    /** A session and how many of its places are booked. */
    public record Booked(Session session, long places) {
    }

    @Transactional
    public Session create(NewSession request, List<UUID> patients) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new InvalidRequestException("endsAt", "must be after startsAt");
        }
        if ((request.kind() == SessionKind.GROUP) != (request.groupType() != null)) {
            throw new InvalidRequestException("groupType", "is required for a group session and only for one");
        }
        requireFacilitatorFree(request.facilitatorId(), request.startsAt(), request.endsAt());
        Session session = session(null, request);
        session.persist();
        for (UUID patient : patients) {
            bookings.book(session, patient, null);
        }
        return session;
    }

    /** Creates the track's sessions for every week in the range and books its enrolled patients into them. */
    @Transactional
    public List<Session> generate(UUID trackId, LocalDate from, LocalDate to) {
        Track track = Track.findById(trackId);
        if (track == null) {
            throw new ResourceNotFoundException("Track", trackId);
        }
        if (to.isBefore(from) || from.plusWeeks(26).isBefore(to)) {
            throw new InvalidRequestException("to", "must be on or after from, and at most 26 weeks later");
        }
        List<Enrollment> enrolled = Enrollment.list("trackId = ?1 and status = ?2", trackId,
                EnrollmentStatus.ENROLLED);
        List<Session> created = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!track.isActiveOn(day)) {
                continue;
            }
            for (TrackBlock block : track.blocks) {
                if (block.day() != day.getDayOfWeek()) {
                    continue;
                }
                Instant start = day.atTime(block.start()).atZone(calendar.zone()).toInstant();
                Instant end = day.atTime(block.end()).atZone(calendar.zone()).toInstant();
                if (Session.count("trackId = ?1 and startsAt = ?2", trackId, start) > 0) {
                    continue;
                }
                requireFacilitatorFree(track.facilitatorId, start, end);
                Session session = session(trackId, new NewSession(SessionKind.GROUP, block.groupType(),
                        block.title(), track.facilitatorId, track.capacity, track.location, track.telehealthUrl,
                        start, end));
                session.persist();
                enrolled.forEach(e -> bookings.tryBook(session, e.patientId, e.id));
                created.add(session);
            }
        }
        return created;
    }

    @Transactional
    public Booking book(UUID sessionId, UUID patientId) {
        return bookings.book(find(sessionId), patientId, null);
    }

    public Session find(UUID id) {
        Session session = Session.findById(id);
        if (session == null) {
            throw new ResourceNotFoundException("Session", id);
        }
        return session;
    }

    /** One window of the sessions starting in [from, to), earliest first, each with its booked places. */
    @Transactional
    public PageOf<Booked> between(Instant from, Instant to, UUID trackId, ListWindow.Window window) {
        // The id orders the sessions that start together (a network's evening groups do), so windows never overlap.
        Sort earliest = Sort.ascending("startsAt", "id");
        PageOf<Session> found = window.of(trackId == null
                ? Session.<Session> find("startsAt >= ?1 and startsAt < ?2", earliest, from, to)
                : Session.<Session> find("startsAt >= ?1 and startsAt < ?2 and trackId = ?3", earliest, from, to,
                        trackId));
        Map<UUID, Long> booked = bookedPlaces(found.items());
        return found.map(s -> new Booked(s, booked.getOrDefault(s.id, 0L)));
    }

    /** The booked places of each session, in one query for them all. */
    private Map<UUID, Long> bookedPlaces(List<Session> sessions) {
        Map<UUID, Long> booked = new HashMap<>();
        if (!sessions.isEmpty()) {
            entities.createQuery("""
                    select b.sessionId, count(*) from Booking b where b.sessionId in (:sessions) and b.status = :status
                    group by b.sessionId""", Object[].class)
                    .setParameter("sessions", sessions.stream().map(s -> s.id).toList())
                    .setParameter("status", BookingStatus.BOOKED)
                    .getResultList().forEach(row -> booked.put((UUID) row[0], (Long) row[1]));
        }
        return booked;
    }

    private void requireFacilitatorFree(String facilitatorId, Instant start, Instant end) {
        Locks.forKey(entities, "facilitator:" + facilitatorId);
        if (Session.count("facilitatorId = ?1 and startsAt < ?2 and endsAt > ?3", facilitatorId, end, start) > 0) {
            throw new ConflictException("Facilitator " + facilitatorId + " already leads a session at that time");
        }
    }

    private static Session session(UUID trackId, NewSession request) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.trackId = trackId;
        session.kind = request.kind();
        session.groupType = request.groupType();
        session.title = request.title();
        session.facilitatorId = request.facilitatorId();
        session.capacity = request.capacity();
        session.location = request.location();
        session.telehealthUrl = request.telehealthUrl();
        session.startsAt = request.startsAt();
        session.endsAt = request.endsAt();
        return session;
    }
}
