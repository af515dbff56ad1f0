package io.cairn.intake.domain.reminder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a reminder says. It leaves the clinic's systems by mail or push, so it carries no health information: no
 * program, track, session title, place, clinician or diagnosis; only that something is booked and when.
 */
public record ReminderMessage(String title, String text) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final String NOTICE = "\n\nThis reminder carries no health information.\n";

    static ReminderMessage of(Reminder reminder, ZoneId zone) {
        return switch (reminder.kind) {
            case SESSION -> new ReminderMessage("Reminder: your appointment", "You have an appointment on "
                    + WHEN.format(reminder.dueAt.atZone(zone)) + ". If you cannot make it, please let your care team "
                    + "know." + NOTICE);
            case RE_SCREEN -> new ReminderMessage("Reminder: a few questions for you",
                    "A few short questions are waiting for you in the app. Answering them takes a few minutes."
                            + NOTICE);
            case CHECK_IN -> new ReminderMessage("Reminder: your check-in",
                    "It is time for your check-in with your care team. You can answer it in the app, or they will "
                            + "call you." + NOTICE);
        };
    }
}
