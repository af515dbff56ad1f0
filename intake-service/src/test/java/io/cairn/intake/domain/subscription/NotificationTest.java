package io.cairn.intake.domain.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A notification waits for two reasons counted apart: its endpoint refusing it (which may put the subscription in
 * error), and the record it carries being unreadable for a while (Cairn's own fault, never held against the endpoint).
 */
class NotificationTest {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void waitingForItsRecordCountsNothingAgainstTheEndpoint() {
        Notification notification = new Notification();

        assertEquals(Duration.ZERO, notification.postponed("the record's service answered 503", T0, FIRST, MAX));
        assertEquals(T0.plus(FIRST), notification.nextAttemptAt);
        assertEquals(Duration.ofSeconds(30), notification.postponed("again", T0.plusSeconds(30), FIRST, MAX));
        assertEquals(T0.plusSeconds(60), notification.nextAttemptAt, "waits as long again as it has waited");
        assertEquals(Duration.ofSeconds(300), notification.postponed("again", T0.plusSeconds(300), FIRST, MAX));
        assertEquals(T0.plusSeconds(360), notification.nextAttemptAt, "never longer than the longest wait");

        assertEquals(0, notification.attempts);
        assertNull(notification.firstFailedAt);
        // The endpoint's first refusal after that is its first: the record's outage is not its own.
        assertEquals(Duration.ZERO, notification.refused("the endpoint answered 500", T0.plusSeconds(400), FIRST,
                MAX));
        assertEquals(1, notification.attempts);
        assertEquals(T0.plusSeconds(401), notification.nextAttemptAt);
    }
}
