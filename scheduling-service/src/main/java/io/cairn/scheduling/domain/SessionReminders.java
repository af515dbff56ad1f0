package io.cairn.scheduling.domain;

import io.cairn.kit.persistence.Locks;
import io.cairn.contracts.events.BookingReleased;
import io.cairn.contracts.events.SessionUpcoming;
import io.cairn.kit.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Announces each booked session once it is less than the lead time away ({@code scheduling.session.upcoming}), so
 * that intake can remind the patient through the channel they chose; and, when such a booking is released before the
 * session or the patient's absence is recorded ahead of it, announces that too ({@code scheduling.booking.released}),
 * so that the reminder is withdrawn. A booking released before its turn is never announced; one made inside the lead
 * time is announced at the next run.
 */
@ApplicationScoped
public class SessionReminders {

    private static final int BATCH = 500;
    private static final String DUE = """
            SELECT b.id, b.patient_id, b.session_id, s.starts_at, b.booked_at
            FROM booking b JOIN session s ON s.id = b.session_id
            WHERE b.status = 'BOOKED' AND s.starts_at > ?1 AND s.starts_at <= ?2
              AND NOT EXISTS (SELECT 1 FROM session_reminder r WHERE r.booking_id = b.id)
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = b.session_id AND a.patient_id = b.patient_id)
            ORDER BY s.starts_at, b.id LIMIT ?3
            """;
    private static final String RELEASED = """
            SELECT b.id, b.patient_id, b.session_id FROM session_reminder r JOIN booking b ON b.id = r.booking_id
            WHERE r.released_at IS NULL AND r.starts_at > ?1
              AND (b.status <> 'BOOKED' OR EXISTS (SELECT 1 FROM attendance a
                                                   WHERE a.session_id = b.session_id AND a.patient_id = b.patient_id))
            ORDER BY r.starts_at, b.id LIMIT ?2
            """;

    private final EntityManager entities;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration leadTime;

    SessionReminders(EntityManager entities, Outbox outbox, Clock clock,
            @ConfigProperty(name = "scheduling.reminders.lead-time") Duration leadTime) {
        this.entities = entities;
        this.outbox = outbox;
        this.clock = clock;
        this.leadTime = leadTime;
    }

    @Scheduled(every = "{scheduling.reminders.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = clock.instant();
        announceReleased(now);
        announceUpcoming(now);
    }

    /**
     * Announces every booked session starting after {@code now} and within the lead time that was not announced yet,
     * a batch to a transaction. One replica at a time: another that finds the work taken leaves it.
     *
     * @return how many were announced
     */
    public int announceUpcoming(Instant now) {
        return inBatches(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = entities.createNativeQuery(DUE).setParameter(1, now)
                    .setParameter(2, now.plus(leadTime)).setParameter(3, BATCH).getResultList();
            for (Object[] row : due) {
                UUID bookingId = (UUID) row[0];
                Instant startsAt = (Instant) row[3];
                entities.createNativeQuery("INSERT INTO session_reminder (booking_id, starts_at, announced_at) "
                        + "VALUES (?1, ?2, ?3)").setParameter(1, bookingId).setParameter(2, startsAt)
                        .setParameter(3, now).executeUpdate();
                outbox.publish(new SessionUpcoming(bookingId, (UUID) row[1], (UUID) row[2], startsAt,
                        (Instant) row[4]));
            }
            return due.size();
        });
    }

    /**
     * Announces the release of every announced booking of a session still ahead that was released, or whose
     * attendance was recorded ahead of it, since.
     *
     * @return how many were announced
     */
    public int announceReleased(Instant now) {
        return inBatches(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> released = entities.createNativeQuery(RELEASED).setParameter(1, now)
                    .setParameter(2, BATCH).getResultList();
            for (Object[] row : released) {
                UUID bookingId = (UUID) row[0];
                entities.createNativeQuery("UPDATE session_reminder SET released_at = ?2 WHERE booking_id = ?1")
                        .setParameter(1, bookingId).setParameter(2, now).executeUpdate();
                outbox.publish(new BookingReleased(bookingId, (UUID) row[1], (UUID) row[2], now));
            }
            return released.size();
        });
    }

    /** Runs a batch to a transaction until one comes back short, under the try-lock; -1 when another replica has it. */
    private int inBatches(java.util.function.IntSupplier batch) {
        int done = 0;
        while (true) {
            int size = QuarkusTransaction.requiringNew().call(() -> Locks.tryForKey(entities, "session-reminders")
                    ? batch.getAsInt()
                    : -1);
            done += Math.max(size, 0);
            if (size < BATCH) {
                return done;
            }
        }
    }
}
