package io.cairn.fhir;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.problem.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The times a FHIR {@code date} search asks for: from (included) to (excluded), either end open ({@code null}).
 */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    /** One value of a {@code date} parameter: its prefix, then a day or a time. */
    static TimeRange of(String parameter, String value) {
        String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
        String moment = value.startsWith(prefix) ? value.substring(2) : value;
        Instant start;
        Instant end;
        try {
            if (moment.length() == 10) {
                start = LocalDate.parse(moment).atStartOfDay(ZoneOffset.UTC).toInstant();
                end = start.plus(Duration.ofDays(1));
            } else {
                OffsetDateTime time = OffsetDateTime.parse(moment);
                start = time.toInstant();
                end = start.plus(precision(moment));
            }
        } catch (DateTimeParseException e) {
            throw invalid(parameter);
        }
        if (!ClinicCalendar.covers(start.atOffset(ZoneOffset.UTC).getYear())) {
            throw invalid(parameter);
        }
        return switch (prefix) {
            case "eq" -> new TimeRange(start, end);
            case "ge" -> new TimeRange(start, null);
            case "gt" -> new TimeRange(end, null);
            case "le" -> new TimeRange(null, end);
            case "lt" -> new TimeRange(null, start);
            default -> throw invalid(parameter);
        };
    }

    /** Whether the range holds this instant. */
    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    /**
     * What a time covers, by the digits it is written with: the second, the millisecond (as meta.lastUpdated is
     * written, {@code .000} too, so that gt the last change seen excludes it) or the microsecond, down to the
     * nanosecond.
     */
    private static Duration precision(String moment) {
        int dot = moment.indexOf('.');
        if (dot < 0) {
            return Duration.ofSeconds(1);
        }
        int digits = 0;
        while (dot + 1 + digits < moment.length() && Character.isDigit(moment.charAt(dot + 1 + digits))) {
            digits++;
        }
        return Duration.ofNanos((long) Math.pow(10, 9 - Math.min(digits, 9)));
    }

    /** The times both ranges hold. */
    TimeRange within(TimeRange other) {
        Instant start = from == null || other.from != null && other.from.isAfter(from) ? other.from : from;
        Instant end = to == null || other.to != null && other.to.isBefore(to) ? other.to : to;
        return new TimeRange(start, end);
    }

    private static InvalidParameterException invalid(String parameter) {
        return new InvalidParameterException(parameter, "must be a day (YYYY-MM-DD) or a time with its offset "
                + "(2026-12-05T14:00:00Z) between 1900 and 2200, after eq, ge, gt, le or lt");
    }
}
