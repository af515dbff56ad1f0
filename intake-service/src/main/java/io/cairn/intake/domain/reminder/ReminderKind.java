package io.cairn.intake.domain.reminder;

/** What a reminder is for. */
public enum ReminderKind {
    /** A session the patient is booked into. */
    SESSION
}
