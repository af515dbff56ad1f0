package io.cairn.intake.domain.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours of the day, in the patient's time zone, in which no reminder reaches them; a window may run past midnight
 * (21:00 to 08:00).
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    /** When a reminder may go out at {@code now}: now, or the end of the quiet hours it falls in. */
    public Instant nextAllowed(Instant now) {
        return quietUntil(now).orElse(now);
    }

    /** The end of the quiet hours {@code now} falls in, if it falls in any. */
    Optional<Instant> quietUntil(Instant now) {
        if (from.equals(until)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until) ? Optional.of(at(day, until, now))
                    : Optional.empty();
        }
        // Past midnight: quiet from `from` to the day's end, and from its start to `until`.
        if (!time.isBefore(from)) {
            return Optional.of(at(day.plusDays(1), until, now));
        }
        return time.isBefore(until) ? Optional.of(at(day, until, now)) : Optional.empty();
    }

    /**
     * The instant of a local time after {@code now}: where the clocks go back and the time happens twice, the later of
     * the two when the earlier has passed.
     */
    private Instant at(LocalDate day, LocalTime time, Instant now) {
        ZonedDateTime end = day.atTime(time).atZone(zone);
        return end.toInstant().isAfter(now) ? end.toInstant() : end.withLaterOffsetAtOverlap().toInstant();
    }
}
