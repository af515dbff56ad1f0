package io.cairn.treatmentplan.domain.measures;

import io.cairn.contracts.events.ReScreenDue;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.Outbox;
import io.cairn.treatmentplan.domain.PlanStatus;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Announces the re-screens each active plan asks for ({@code treatment-plan.re-screen.due}), so that intake can remind
 * the patient to answer them in the app: once each time something new falls due, however often this runs and however
 * many replicas run it. A plan that ended asks for nothing.
 */
@ApplicationScoped
public class ReScreenReminders {

    private static final int BATCH = 200;

    private final Measures measures;
    private final EntityManager entities;
    private final Outbox outbox;
    private final ClinicCalendar calendar;

    ReScreenReminders(Measures measures, EntityManager entities, Outbox outbox, ClinicCalendar calendar) {
        this.measures = measures;
        this.entities = entities;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Scheduled(every = "{treatment-plan.reminders.re-screen-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        announceDue(calendar.today(), calendar.now());
    }

    /**
     * Announces, for each active plan, the re-screens due on or before {@code today} not announced yet, a batch of
     * plans to a transaction.
     *
     * @return how many plans' re-screens were announced
     */
    public int announceDue(LocalDate today, Instant now) {
        int announced = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            UUID from = after;
            List<TreatmentPlan> plans = QuarkusTransaction.requiringNew().call(() -> TreatmentPlan
                    .<TreatmentPlan> find("status = ?1 and id > ?2", Sort.ascending("id"), PlanStatus.ACTIVE, from)
                    .page(0, BATCH).list());
            if (plans.isEmpty()) {
                return announced;
            }
            announced += QuarkusTransaction.requiringNew().call(() -> announceBatch(plans, today, now));
            after = plans.get(plans.size() - 1).id;
        }
    }

    private int announceBatch(List<TreatmentPlan> plans, LocalDate today, Instant now) {
        // Every plan's measures in one query, newest first: the first of each instrument is its last taken.
        Map<UUID, List<Measure>> byPlan = Measure.<Measure> list("planId in ?1", Sort.descending("takenAt", "id"),
                plans.stream().map(plan -> plan.id).toList()).stream()
                .collect(Collectors.groupingBy(measure -> measure.planId));
        int announced = 0;
        for (TreatmentPlan plan : plans) {
            Optional<LocalDate> latest = measures.dueUnder(plan, byPlan.getOrDefault(plan.id, List.of()), today)
                    .stream().map(Measures.Due::dueOn).max(Comparator.naturalOrder());
            if (latest.isPresent() && entities.createNativeQuery("INSERT INTO re_screen_reminder "
                    + "(plan_id, due_on, announced_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, plan.id).setParameter(2, latest.get()).setParameter(3, now)
                    .executeUpdate() == 1) {
                outbox.publish(new ReScreenDue(plan.id, plan.patientId, latest.get(), now));
                announced++;
            }
        }
        return announced;
    }
}
