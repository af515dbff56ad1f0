package io.cairn.intake.domain.reminder;

/** What a reminder is for. */
public enum ReminderKind {
    /** A session the patient is booked into. */
    SESSION,
    /** Re-screens the patient's plan asks them to answer in the app. */
    RE_SCREEN,
    /** An aftercare check-in whose window opened. */
    CHECK_IN
}
