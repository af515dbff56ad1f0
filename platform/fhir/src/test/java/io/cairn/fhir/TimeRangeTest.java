package io.cairn.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.kit.problem.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A date search covers what its value's precision does, so that a sync asking past its last change skips it. */
class TimeRangeTest {

    /** A change stamped by the database, to the microsecond; meta.lastUpdated shows it to the millisecond. */
    static final Instant STAMPED = Instant.parse("2026-12-06T03:10:50.123456Z");

    @Test
    void aTimeToTheMillisecondCoversThatMillisecond() {
        assertFalse(TimeRange.of("_lastUpdated", "gt2026-12-06T03:10:50.123+00:00").contains(STAMPED));
        assertTrue(TimeRange.of("_lastUpdated", "ge2026-12-06T03:10:50.123+00:00").contains(STAMPED));
        assertTrue(TimeRange.of("_lastUpdated", "le2026-12-06T03:10:50.123+00:00").contains(STAMPED));
        assertFalse(TimeRange.of("_lastUpdated", "lt2026-12-06T03:10:50.123+00:00").contains(STAMPED));
        assertTrue(TimeRange.of("_lastUpdated", "2026-12-06T03:10:50.123Z").contains(STAMPED));
        assertFalse(TimeRange.of("_lastUpdated", "2026-12-06T03:10:50.124Z").contains(STAMPED));
        // A change in the first millisecond of a second is written .000: still a millisecond, not the second.
        Instant onTheSecond = Instant.parse("2026-12-06T03:10:50.000400Z");
        assertFalse(TimeRange.of("_lastUpdated", "gt2026-12-06T03:10:50.000+00:00").contains(onTheSecond));
        assertTrue(TimeRange.of("_lastUpdated", "gt2026-12-06T03:10:50.000+00:00")
                .contains(Instant.parse("2026-12-06T03:10:50.001Z")));
        assertTrue(TimeRange.of("_lastUpdated", "gt2026-12-06T03:10:50.000400+00:00")
                .contains(Instant.parse("2026-12-06T03:10:50.000401Z")));
    }

    @Test
    void aSecondADayAndAMicrosecondCoverTheirsToo() {
        assertTrue(TimeRange.of("date", "2026-12-06T03:10:50Z").contains(STAMPED));
        assertFalse(TimeRange.of("date", "gt2026-12-06T03:10:50Z").contains(STAMPED));
        assertTrue(TimeRange.of("date", "2026-12-06").contains(STAMPED));
        assertFalse(TimeRange.of("date", "gt2026-12-06").contains(STAMPED));
        assertTrue(TimeRange.of("date", "2026-12-06T03:10:50.123456Z").contains(STAMPED));
        assertFalse(TimeRange.of("date", "gt2026-12-06T03:10:50.123456Z").contains(STAMPED));
    }

    @Test
    void bothEndsMakeARangeAndAnUnknownPrefixIsRefused() {
        TimeRange week = TimeRange.of("date", "ge2026-12-01").within(TimeRange.of("date", "lt2026-12-08"));
        assertEquals(new TimeRange(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z")),
                week);
        assertTrue(week.contains(STAMPED));
        assertThrows(InvalidParameterException.class, () -> TimeRange.of("date", "ap2026-12-01"));
        assertThrows(InvalidParameterException.class, () -> TimeRange.of("date", "yesterday"));
    }
}
