package io.cairn.intake.domain.reminder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How reminders reach patients (INTAKE_REMINDERS_*). */
@ConfigMapping(prefix = "intake.reminders")
public interface ReminderSettings {

    /** The channel of a patient who chose none. */
    @WithDefault("email")
    ReminderChannel defaultChannel();

    /** The sender of reminder mail: it names no program, since the address alone could disclose one. */
    @WithDefault("Reminders <reminders@cairn.local>")
    String from();

    /** How often pending reminders are looked at (sent, retried, or moved past quiet hours). */
    @WithDefault("30S")
    Duration sendEvery();

    /** A refused reminder is tried again after this, then after twice as long each time... */
    @WithDefault("30S")
    Duration firstRetry();

    /** ...but never after longer than this; once what it reminds of has begun, it is dropped. */
    @WithDefault("30M")
    Duration maxRetryWait();

    /** A send waits this long for the mail server or the push service. */
    @WithDefault("10S")
    Duration sendTimeout();

    /** Reminders sent or skipped are forgotten after this. */
    @WithDefault("30D")
    Duration keepSettled();

    /** The mobile app's push service. */
    Push push();

    interface Push {

        /** Where reminders are POSTed for the app's push service; unset, push reminders are skipped. */
        Optional<URI> url();

        /** The key of each POST's {@code Cairn-Signature} (HMAC-SHA256), shared with the push service. */
        Optional<String> secret();
    }
}
