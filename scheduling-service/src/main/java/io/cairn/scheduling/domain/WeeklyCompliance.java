package io.cairn.scheduling.domain;

import io.cairn.kit.persistence.Locks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * How many enrollments are under their weekly hours target in a week, from the count of those who met it that the
 * database keeps as attendance and enrollments change ({@code week_targets_met}, V7), instead of joining the week's
 * attendance with every enrollment on each request.
 */
@ApplicationScoped
public class WeeklyCompliance {

    // Everyone enrolled with a target less those who met it in week ?1.
    private static final String UNDER_TARGET = "select (select coalesce(sum(enrollments), 0) from "
            + "enrollments_with_target) - (select coalesce(sum(enrollments), 0) from week_targets_met "
            + "where iso_week = ?1)";

    // A count a trigger has touched since the last recount gets one row again: its exact count, read in the same
    // statement (one snapshot) as the rows it replaces, so that a change committed meanwhile is neither lost nor
    // counted twice.
    private static final String RECOUNT_ENROLLED = """
            with replaced as (delete from enrollments_with_target
                              where exists (select 1 from enrollments_with_target where not recounted) returning id)
            insert into enrollments_with_target (enrollments, recounted)
            select count(*), true from enrollment where status = 'ENROLLED' and weekly_hours_target > 0
            having exists (select 1 from replaced)""";
    private static final String RECOUNT_WEEKS = """
            with weeks as (select distinct iso_week from week_targets_met where not recounted),
            replaced as (delete from week_targets_met t using weeks where t.iso_week = weeks.iso_week)
            insert into week_targets_met (iso_week, enrollments, recounted)
            select weeks.iso_week, (select count(*) from attendance_week w join enrollment e
                on e.patient_id = w.patient_id and e.status = 'ENROLLED' and e.weekly_hours_target > 0
                and round(w.minutes_attended / 60.0, 1) >= e.weekly_hours_target
                where w.iso_week = weeks.iso_week), true from weeks""";

    private final EntityManager entities;

    WeeklyCompliance(EntityManager entities) {
        this.entities = entities;
    }

    /** Enrollments under their target in {@code isoWeek}: those who have not (yet) attended their hours. */
    public long underTarget(String isoWeek) {
        return ((Number) entities.createNativeQuery(UNDER_TARGET).setParameter(1, isoWeek).getSingleResult())
                .longValue();
    }

    /**
     * Replaces the changes of each count touched since the last recount by its exact count. One replica at a time: two
     * recounting one week together would each delete the rows they saw and each add the whole count; a replica that
     * finds another recounting leaves it the work. The lock is taken in a statement of its own, so that the recount's
     * statements see whatever a recount before them committed (the service runs READ COMMITTED).
     */
    @Scheduled(every = "{scheduling.week-targets-recount-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void recount() {
        if (!Locks.tryForKey(entities, "week-targets-recount")) {
            return;
        }
        entities.createNativeQuery(RECOUNT_ENROLLED).executeUpdate();
        entities.createNativeQuery(RECOUNT_WEEKS).executeUpdate();
    }
}
