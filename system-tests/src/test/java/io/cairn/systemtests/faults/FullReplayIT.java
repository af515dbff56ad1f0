package io.cairn.systemtests.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every consumer group is rewound to the beginning of every topic and the services started again: the whole history
 * is delivered a second time, and nothing anywhere changes — no row in any database, no new event on any topic. Poison
 * records met again are parked again (dead-letter delivery is at least once): under the same event ids, nothing new.
 */
@Order(Integer.MAX_VALUE)
class FullReplayIT {

    static final List<String> CONSUMERS = EventLog.CONSUMER_GROUPS;
    /** The announcements made on a clock, and the tables each adds a row to: the announcer's, and intake's. */
    static final Map<String, List<String>> ANNOUNCEMENTS = Map.of(
            "scheduling.session.upcoming", List.of("scheduling.outbox_event", "scheduling.session_reminder",
                    "intake.inbox_event", "intake.reminder"),
            "scheduling.booking.released", List.of("scheduling.outbox_event", "intake.inbox_event"),
            "treatment-plan.re-screen.due", List.of("treatment_plan.outbox_event", "treatment_plan.re_screen_reminder",
                    "intake.inbox_event", "intake.reminder"),
            "aftercare.check-in.due", List.of("aftercare.outbox_event", "aftercare.check_in_reminder",
                    "intake.inbox_event", "intake.reminder"));
    static final List<String> TOPICS = List.of(Topics.INTAKE, Topics.TREATMENT_PLAN, Topics.SCHEDULING,
            Topics.AFTERCARE, Topics.WORKLIST);

    @Test
    void replayingEveryTopicFromTheBeginningChangesNothing() {
        // Settle first: what was in flight is applied before the picture is taken.
        await().atMost(Duration.ofMinutes(3)).until(EventLog::allConsumed);
        // The worklist's clock escalates urgent tasks nobody claimed: every one due has escalated before the picture.
        await().atMost(Duration.ofMinutes(3)).until(() -> Databases.count("worklist", "SELECT count(*) FROM care_task "
                + "WHERE status = 'OPEN' AND priority = 'URGENT' AND kind <> 'ESCALATION' AND escalated_at IS NULL") == 0);
        // Scheduling recounts its under-target counts on its own clock: every change is recounted before the picture.
        await().atMost(Duration.ofMinutes(2)).until(() -> Databases.count("scheduling", "SELECT (SELECT count(*) FROM "
                + "week_targets_met WHERE NOT recounted) + (SELECT count(*) FROM enrollments_with_target WHERE NOT "
                + "recounted)") == 0);
        EventLog.SERVICES.forEach(FaultControl::stopService);
        long replayed;
        Map<String, Long> rowsBefore;
        Set<String> eventsBefore;
        Set<String> parkedBefore;
        try {
            rowsBefore = Databases.rowCounts();
            eventsBefore = EventLog.eventIds(TOPICS);
            parkedBefore = parkedEventIds();
            CONSUMERS.forEach(EventLog::rewind);
            replayed = CONSUMERS.stream().mapToLong(EventLog::lag).sum();
        } finally {
            CompletableFuture.allOf(EventLog.SERVICES.stream()
                    .map(service -> CompletableFuture.runAsync(() -> FaultControl.startService(service)))
                    .toArray(CompletableFuture[]::new)).join();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(EventLog::allConsumed);

        Map<String, Long> rowsAfter = Databases.rowCounts();
        Set<String> published = new TreeSet<>(EventLog.eventIds(TOPICS));
        published.removeAll(eventsBefore);
        // Announcements are made on the services' clocks, not from events, and the clocks go on during the replay (a
        // session comes within the lead time, a day turns): each one made meanwhile is allowed, with exactly the rows
        // it makes, and nothing else.
        List<EventLog.Event> announced = TOPICS.stream().flatMap(t -> EventLog.read(t).stream())
                .filter(e -> published.contains(e.topic() + " " + e.id()) && ANNOUNCEMENTS.containsKey(e.type()))
                .toList();
        announced.forEach(e -> published.remove(e.topic() + " " + e.id()));
        Map<String, Long> expectedAfter = new TreeMap<>(rowsBefore);
        announced.forEach(e -> ANNOUNCEMENTS.get(e.type()).forEach(table -> expectedAfter.merge(table, 1L, Long::sum)));
        // A re-screen announcement keeps a row per instrument newly due: one at least.
        String reScreens = "treatment_plan.re_screen_reminder";
        if (rowsAfter.get(reScreens) >= expectedAfter.get(reScreens)) {
            expectedAfter.put(reScreens, rowsAfter.get(reScreens));
        }
        Set<String> parkedAfter = parkedEventIds();
        long tables = rowsBefore.size();
        long rows = rowsBefore.values().stream().mapToLong(Long::longValue).sum();
        Report.figures("full replay",
                "records delivered again=%d, tables compared=%d, rows=%d, rows changed=%d, new events=%d, announced on the clock meanwhile=%d, poison event ids parked before=%d, after=%d"
                        .formatted(replayed, tables, rows, changed(expectedAfter, rowsAfter), published.size(),
                                announced.size(), parkedBefore.size(), parkedAfter.size()));
        assertEquals(expectedAfter, rowsAfter, "row counts of every table after the replay");
        assertEquals(Set.of(), published, "events published by the replay");
        assertEquals(parkedBefore, parkedAfter, "no event parked that was not parked before");
    }

    private static Set<String> parkedEventIds() {
        return TOPICS.stream().flatMap(t -> EventLog.read(Topics.deadLetterOf(t)).stream())
                .map(e -> e.topic() + " " + e.id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static long changed(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).count();
    }

}
