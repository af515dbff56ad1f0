package io.cairn.intake.domain.subscription;

/** The IG's notification types that Cairn sends. */
public enum NotificationKind {
    HANDSHAKE("handshake"),
    HEARTBEAT("heartbeat"),
    EVENT("event-notification");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
