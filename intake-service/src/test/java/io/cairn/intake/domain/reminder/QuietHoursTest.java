package io.cairn.intake.domain.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours on a fixed clock, in the patient's time zone, with and without midnight inside the window. */
class QuietHoursTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), CHICAGO);
    private static final QuietHours AFTERNOON = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30), CHICAGO);

    @Test
    void aWindowPastMidnightEndsTheNextMorningInThePatientsZone() {
        // 22:30 in Chicago (CST, UTC-6) is 04:30 UTC the next day.
        assertEquals(Instant.parse("2026-12-08T14:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-08T04:30:00Z")));
        // 06:00 in Chicago, before the window's end that morning.
        assertEquals(Instant.parse("2026-12-08T14:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-08T12:00:00Z")));
        // 08:00 sharp and noon are outside it.
        assertEquals(Instant.parse("2026-12-08T14:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-08T14:00:00Z")));
        assertEquals(Instant.parse("2026-12-08T18:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-08T18:00:00Z")));
        // 21:00 sharp is inside.
        assertEquals(Instant.parse("2026-12-09T14:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-09T03:00:00Z")));
    }

    @Test
    void aWindowWithinTheDayEndsTheSameDay() {
        assertEquals(Instant.parse("2026-12-08T21:30:00Z"),
                AFTERNOON.nextAllowed(Instant.parse("2026-12-08T19:00:00Z")));
        assertEquals(Instant.parse("2026-12-08T18:59:00Z"),
                AFTERNOON.nextAllowed(Instant.parse("2026-12-08T18:59:00Z")));
        assertEquals(Instant.parse("2026-12-08T21:30:00Z"),
                AFTERNOON.nextAllowed(Instant.parse("2026-12-08T21:30:00Z")));
    }

    @Test
    void whenTheClocksGoBackTheWindowEndsAfterNow() {
        QuietHours smallHours = new QuietHours(LocalTime.of(0, 0), LocalTime.of(1, 30), CHICAGO);
        // 1 November 2026: 01:15 happens twice in Chicago; at the second (CST, 07:15 UTC) the window ends at 01:30 CST.
        assertEquals(Instant.parse("2026-11-01T07:30:00Z"),
                smallHours.nextAllowed(Instant.parse("2026-11-01T07:15:00Z")));
        // At the first 01:15 (CDT, 06:15 UTC) it ends at the first 01:30.
        assertEquals(Instant.parse("2026-11-01T06:30:00Z"),
                smallHours.nextAllowed(Instant.parse("2026-11-01T06:15:00Z")));
    }

    @Test
    void theWindowFollowsDaylightSavingTime() {
        // 23:00 in Chicago on 13 March 2027 (CST); the clocks go forward that night, so 08:00 is CDT (UTC-5).
        assertEquals(Instant.parse("2027-03-14T13:00:00Z"), NIGHT.nextAllowed(Instant.parse("2027-03-14T05:00:00Z")));
    }
}
