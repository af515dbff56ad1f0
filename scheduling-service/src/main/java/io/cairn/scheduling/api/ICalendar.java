package io.cairn.scheduling.api;

import io.cairn.scheduling.domain.Session;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a schedule as an RFC 5545 iCalendar feed for phone calendars. Small enough to write directly (a library for
 * it, ical4j, would bring Groovy into the service); the tests parse the output with ical4j.
 */
final class ICalendar {

    static final String MEDIA_TYPE = "text/calendar";
    private static final java.util.regex.Pattern SAFE_URL = java.util.regex.Pattern.compile(TelehealthUrl.PATTERN);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String of(List<Session> sessions) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Cairn//Patient schedule//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text("Cairn program schedule"));
        String stamp = UTC.format(Instant.now());
        for (Session session : sessions) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + session.id + "@cairn");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART:" + UTC.format(session.startsAt));
            line(ics, "DTEND:" + UTC.format(session.endsAt));
            line(ics, "SUMMARY:" + text(session.title));
            if (session.location != null) {
                line(ics, "LOCATION:" + text(session.location));
            }
            // URL is a URI value, which has no escapes: one that could break the line (a row older than the
            // request's check) is left out rather than written.
            if (session.telehealthUrl != null && SAFE_URL.matcher(session.telehealthUrl).matches()) {
                line(ics, "URL:" + session.telehealthUrl);
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and line breaks (a lone CR ends a line for many readers). */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Lines end in CRLF and fold at 75 octets, continuing with a space. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length <= 75) {
            ics.append(content).append("\r\n");
            return;
        }
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(folded).append("\r\n");
    }
}
