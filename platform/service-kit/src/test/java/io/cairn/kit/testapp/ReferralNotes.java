package io.cairn.kit.testapp;

import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.kit.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** Writes a note and its event in one transaction, like a service's domain operation. */
@ApplicationScoped
public class ReferralNotes {

    public static final String FAIL_AFTER_PUBLISH = "fail-after-publish";

    private final Outbox outbox;

    ReferralNotes(Outbox outbox) {
        this.outbox = outbox;
    }

    public ReferralNote record(UUID patientId, String text) {
        return record(patientId, text, ReferralSource.SELF);
    }

    @Transactional
    public ReferralNote record(UUID patientId, String text, ReferralSource source) {
        ReferralNote note = new ReferralNote();
        note.id = UUID.randomUUID();
        note.patientId = patientId;
        note.text = text;
        note.persist();
        outbox.publish(new ReferralReceived(note.id, patientId, source, false, null, Instant.now()));
        if (FAIL_AFTER_PUBLISH.equals(text)) {
            throw new IllegalStateException("the business rule failed after the event was published");
        }
        return note;
    }
}
