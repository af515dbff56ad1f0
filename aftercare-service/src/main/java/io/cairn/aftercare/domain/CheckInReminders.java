package io.cairn.aftercare.domain;

import io.cairn.contracts.events.CheckInDue;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Announces each scheduled check-in once its window opens ({@code aftercare.check-in.due}), so that intake can remind
 * the patient: once per check-in, however often this runs and however many replicas run it. A check-in done or missed
 * before its turn is never announced.
 */
@ApplicationScoped
public class CheckInReminders {

    private static final int BATCH = 500;
    private static final String DUE = """
            SELECT c.id, c.patient_id, c.due_on, c.window_closes_on FROM check_in c
            WHERE c.status = 'SCHEDULED' AND c.window_opens_on <= ?1 AND c.window_closes_on >= ?1
              AND NOT EXISTS (SELECT 1 FROM check_in_reminder r WHERE r.check_in_id = c.id)
            ORDER BY c.due_on, c.id LIMIT ?2
            """;

    private final EntityManager entities;
    private final Outbox outbox;
    private final ClinicCalendar calendar;

    CheckInReminders(EntityManager entities, Outbox outbox, ClinicCalendar calendar) {
        this.entities = entities;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Scheduled(every = "{aftercare.reminders.check-in-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        announceDue(calendar.today(), calendar.now());
    }

    /**
     * Announces every scheduled check-in whose window is open on {@code today} and was not announced yet, a batch to
     * a transaction.
     *
     * @return how many were announced
     */
    public int announceDue(LocalDate today, Instant now) {
        int[] announced = { 0 };
        // Until a batch reads fewer than a full one: a batch another replica announced at the same time reads full.
        while (QuarkusTransaction.requiringNew().call(() -> announceBatch(today, now, announced)) == BATCH) {
            // The next batch.
        }
        return announced[0];
    }

    /** @return how many check-ins the batch read */
    private int announceBatch(LocalDate today, Instant now, int[] announced) {
        @SuppressWarnings("unchecked")
        List<Object[]> due = entities.createNativeQuery(DUE).setParameter(1, today).setParameter(2, BATCH)
                .getResultList();
        for (Object[] row : due) {
            UUID checkIn = (UUID) row[0];
            // A replica announcing the same check-in at once waits here, and then finds it taken.
            if (entities.createNativeQuery("INSERT INTO check_in_reminder (check_in_id, announced_at) "
                    + "VALUES (?1, ?2) ON CONFLICT DO NOTHING").setParameter(1, checkIn).setParameter(2, now)
                    .executeUpdate() == 1) {
                outbox.publish(new CheckInDue(checkIn, (UUID) row[1], (LocalDate) row[2], (LocalDate) row[3], now));
                announced[0]++;
            }
        }
        return due.size();
    }
}
