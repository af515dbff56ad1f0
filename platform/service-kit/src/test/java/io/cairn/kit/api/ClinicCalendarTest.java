package io.cairn.kit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClinicCalendarTest {

    @Test
    void theClinicsDayIsTheDayInItsTimeZone() {
        ClinicCalendar honolulu = new ClinicCalendar(ZoneId.of("Pacific/Honolulu"));
        ClinicCalendar utc = new ClinicCalendar(ZoneId.of("UTC"));
        // Sunday evening in Honolulu is Monday morning in UTC: another day, and another ISO week.
        Instant sundayEvening = Instant.parse("2026-12-07T06:30:00Z");

        assertEquals(LocalDate.of(2026, 12, 6), honolulu.dateOf(sundayEvening));
        assertEquals(LocalDate.of(2026, 12, 7), utc.dateOf(sundayEvening));
        assertEquals("2026-W49", ClinicCalendar.isoWeek(honolulu.dateOf(sundayEvening)));
        assertEquals("2026-W50", ClinicCalendar.isoWeek(utc.dateOf(sundayEvening)));
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), honolulu.startOf(LocalDate.of(2026, 12, 6)));
        assertEquals(LocalDate.now(ZoneId.of("Pacific/Honolulu")), honolulu.today());
    }

    @Test
    void theYearsAClinicsDatesFallIn() {
        assertEquals(true, ClinicCalendar.covers(1900));
        assertEquals(true, ClinicCalendar.covers(2200));
        assertEquals(false, ClinicCalendar.covers(1899));
        assertEquals(false, ClinicCalendar.covers(2201));
    }
}
