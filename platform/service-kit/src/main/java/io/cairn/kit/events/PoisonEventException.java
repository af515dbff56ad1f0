package io.cairn.kit.events;

/**
 * A record that can never be processed, however often it is retried: no envelope, unreadable or invalid data. It goes
 * straight to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
