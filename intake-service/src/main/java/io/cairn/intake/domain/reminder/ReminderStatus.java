package io.cairn.intake.domain.reminder;

/** A reminder is pending until it is sent, or skipped with its reason (too late, no channel, episode ended...). */
public enum ReminderStatus {
    PENDING,
    SENT,
    SKIPPED
}
