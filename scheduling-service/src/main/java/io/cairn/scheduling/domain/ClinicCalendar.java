package io.cairn.scheduling.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The clinic's own calendar: sessions happen on its local dates, and weekly hours count per ISO week there. */
@ApplicationScoped
public class ClinicCalendar {

    private final ZoneId zone;

    ClinicCalendar(@ConfigProperty(name = "scheduling.clinic-zone", defaultValue = "UTC") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
