package io.cairn.worklist.domain;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.TaskEscalated;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.JsonNames;
import io.cairn.kit.events.Outbox;
import io.cairn.worklist.notify.OnCallPager;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An urgent task nobody claimed within {@link WorklistRules#escalateAfter()} becomes an urgent task for the program
 * director, with an event and a page. Each task escalates once; the director's task does not escalate again.
 */
@ApplicationScoped
public class Escalations {

    /** Hibernate's lock timeout that skips locked rows (LockOptions.SKIP_LOCKED). */
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    private static final int SKIP_LOCKED = -2;

    private final WorklistRules rules;
    private final OnCallPager pager;
    private final Outbox outbox;
    private final Clock clock;

    Escalations(WorklistRules rules, OnCallPager pager, Outbox outbox, Clock clock) {
        this.rules = rules;
        this.pager = pager;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "{worklist.escalation-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateNow() {
        escalateDue(clock.instant());
    }

    /** Escalates every urgent task still unclaimed at {@code now}; the tests pass the time they mean. */
    @Transactional
    public List<CareTask> escalateDue(Instant now) {
        // Locked, and rows another replica is escalating skipped: each task escalates once, without a failed batch.
        List<CareTask> unclaimed = CareTask.<CareTask> find("status = ?1 and priority = ?2 and kind <> ?3 "
                + "and escalatedAt is null and createdAt <= ?4 and createdAt > ?5 order by createdAt", TaskStatus.OPEN,
                TaskPriority.URGENT, TaskKind.ESCALATION, now.minus(rules.escalateAfter()),
                now.minus(rules.escalationHorizon())).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(LOCK_TIMEOUT, SKIP_LOCKED).list();
        return unclaimed.stream().map(task -> escalate(task, now)).toList();
    }

    private CareTask escalate(CareTask task, Instant now) {
        task.escalatedAt = now;
        String kind = JsonNames.of(task.kind);
        CareTask escalation = CareTask.open(TaskKind.ESCALATION, TaskPriority.URGENT, task.patientId,
                Roles.PROGRAM_DIRECTOR, "Escalated: an urgent " + kind.replace('-', ' ') + " task was not claimed "
                        + "within " + rules.escalateAfter().toMinutes() + " minutes",
                "escalation:" + task.id, ApiPaths.V1 + "/tasks/" + task.id, task.opensAt, now, now);
        escalation.escalationOf = task.id;
        escalation.persist();
        pager.page(escalation, "An urgent task was not claimed in time");
        outbox.publish(new TaskEscalated(task.id, escalation.id, task.patientId, kind, task.createdAt, now));
        return escalation;
    }
}
