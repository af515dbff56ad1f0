package io.cairn.scheduling.domain;

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
 * that intake can remind the patient through the channel they chose. A booking released before its turn (a cancelled
 * place, an episode that ended) is never announced; one made inside the lead time is announced at the next run.
 */
@ApplicationScoped
public class SessionReminders {

    private static final int BATCH = 500;
    private static final String DUE = """
            SELECT b.id, b.patient_id, b.session_id, s.starts_at FROM booking b JOIN session s ON s.id = b.session_id
            WHERE b.status = 'BOOKED' AND s.starts_at > ?1 AND s.starts_at <= ?2
              AND NOT EXISTS (SELECT 1 FROM session_reminder r WHERE r.booking_id = b.id)
            ORDER BY s.starts_at, b.id LIMIT ?3
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
        announceUpcoming(clock.instant());
    }

    /**
     * Announces every booked session starting after {@code now} and within the lead time that was not announced yet,
     * a batch to a transaction. One replica at a time: another that finds the work taken leaves it.
     *
     * @return how many were announced
     */
    public int announceUpcoming(Instant now) {
        int announced = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> announceBatch(now));
            announced += Math.max(batch, 0);
            if (batch < BATCH) {
                return announced;
            }
        }
    }

    /** One batch, or -1 when another replica is announcing. */
    private int announceBatch(Instant now) {
        if (!Locks.tryForKey(entities, "session-reminders")) {
            return -1;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> due = entities.createNativeQuery(DUE).setParameter(1, now)
                .setParameter(2, now.plus(leadTime)).setParameter(3, BATCH).getResultList();
        for (Object[] row : due) {
            UUID bookingId = (UUID) row[0];
            entities.createNativeQuery("INSERT INTO session_reminder (booking_id, announced_at) VALUES (?1, ?2)")
                    .setParameter(1, bookingId).setParameter(2, now).executeUpdate();
            outbox.publish(new SessionUpcoming(bookingId, (UUID) row[1], (UUID) row[2], (Instant) row[3]));
        }
        return due.size();
    }
}
