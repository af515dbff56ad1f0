package io.cairn.intake.domain.subscription;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a subscription stands: {@code requested} until its endpoint takes the handshake, then {@code active};
 * {@code error} when the endpoint has refused its notifications for too long (they wait, and are sent once the
 * client asks for it again); {@code off} when the client turned it off or its end passed.
 */
public enum SubscriptionStatus {
    REQUESTED("requested"),
    ACTIVE("active"),
    ERROR("error"),
    OFF("off");

    /** The states in which notifications are queued. */
    public static final java.util.List<SubscriptionStatus> LISTENING = java.util.List.of(REQUESTED, ACTIVE, ERROR);

    private final String code;

    SubscriptionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether notifications are queued for it. */
    public boolean isListening() {
        return LISTENING.contains(this);
    }

    /** Whether its queue is being sent. */
    public boolean isSending() {
        return this == REQUESTED || this == ACTIVE;
    }

    public static Optional<SubscriptionStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
