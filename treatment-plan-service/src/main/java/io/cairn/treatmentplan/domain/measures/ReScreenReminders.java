package io.cairn.treatmentplan.domain.measures;

import io.cairn.contracts.events.ReScreenDue;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.persistence.Locks;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Announces the re-screens each active plan asks for ({@code treatment-plan.re-screen.due}), so that intake can remind
 * the patient to answer them in the app: once each time something new falls due (an instrument on a date), however
 * often this runs and however many replicas run it. A plan that ended asks for nothing.
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
        if (!Locks.tryForKey(entities, "re-screen-reminders")) {
            return 0; // Another replica is announcing.
        }
        // Only plans still active once locked: one that ended meanwhile asks for nothing.
        @SuppressWarnings("unchecked")
        Set<UUID> active = Set.copyOf(entities.createNativeQuery("SELECT id FROM treatment_plan "
                + "WHERE id = ANY (?1) AND status = 'ACTIVE' FOR SHARE").setParameter(1, plans.stream()
                        .map(plan -> plan.id).toArray(UUID[]::new))
                .getResultList());
        // Each plan's last measure of each instrument, in one query on the series index.
        @SuppressWarnings("unchecked")
        Map<UUID, List<Measure>> lastByPlan = ((List<Measure>) entities.createNativeQuery("""
                SELECT DISTINCT ON (plan_id, instrument) * FROM measure WHERE plan_id = ANY (?1)
                ORDER BY plan_id, instrument, taken_at DESC, id DESC""", Measure.class)
                .setParameter(1, active.toArray(UUID[]::new)).getResultList()).stream()
                .collect(Collectors.groupingBy(measure -> measure.planId));
        int announced = 0;
        for (TreatmentPlan plan : plans) {
            if (!active.contains(plan.id)) {
                continue;
            }
            List<Measures.Due> due = measures.dueUnder(plan, lastByPlan.getOrDefault(plan.id, List.of()), today);
            int newlyDue = 0;
            for (Measures.Due re : due) {
                newlyDue += entities.createNativeQuery("INSERT INTO re_screen_reminder (plan_id, instrument, due_on, "
                        + "announced_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, plan.id)
                        .setParameter(2, re.instrument().label()).setParameter(3, re.dueOn()).setParameter(4, now)
                        .executeUpdate();
            }
            if (newlyDue > 0) {
                LocalDate latest = due.stream().map(Measures.Due::dueOn).max(Comparator.naturalOrder()).orElseThrow();
                outbox.publish(new ReScreenDue(plan.id, plan.patientId, latest, now));
                announced++;
            }
        }
        return announced;
    }

}
