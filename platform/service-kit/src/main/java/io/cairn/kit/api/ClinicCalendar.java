package io.cairn.kit.api;

/**
 * The years a clinic's dates can fall in. Dates far outside it would overflow date arithmetic, the database's date
 * range and the events' RFC 3339 dates, so input outside it is refused as invalid.
 */
public final class ClinicCalendar {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    private ClinicCalendar() {
    }

    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
