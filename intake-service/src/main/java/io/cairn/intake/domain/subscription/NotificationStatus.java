package io.cairn.intake.domain.subscription;

/** A queued notification: pending until sent, or withdrawn because the consent behind it is gone. */
public enum NotificationStatus {
    PENDING,
    SENT,
    WITHDRAWN
}
