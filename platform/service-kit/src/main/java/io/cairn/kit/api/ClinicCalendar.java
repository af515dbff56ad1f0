package io.cairn.kit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clinic's calendar, one for every service: its time zone ({@code CAIRN_CLINIC_TIME_ZONE}, UTC unless set), so
 * that "today", the day a session or an approval falls on, and the ISO week hours count in are the same everywhere.
 * Also the years a clinic's dates can fall in: dates far outside them would overflow date arithmetic, the database's
 * date range and the events' RFC 3339 dates, so input outside them is refused as invalid. Its time comes from the
 * application's {@link Clock} ({@link SystemClock} unless a service or a test brings its own).
 */
@ApplicationScoped
public class ClinicCalendar {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private final ZoneId zone;
    private final Clock clock;

    @Inject
    ClinicCalendar(@ConfigProperty(name = "cairn.clinic.time-zone", defaultValue = "UTC") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** A calendar on the system's clock. */
    public ClinicCalendar(ZoneId zone) {
        this(zone, Clock.systemUTC());
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The clinic's day an instant falls on. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** When the clinic's day starts. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The ISO week a day falls in, e.g. {@code 2026-W49}. */
    public static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
