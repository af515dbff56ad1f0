package io.cairn.intake.events;

import java.util.EnumSet;
import java.util.Set;
import io.cairn.contracts.EventType;
import io.cairn.intake.domain.Referrals;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A relapse reported in aftercare brings the patient straight back to intake with an urgent readmission referral. */
@ApplicationScoped
public class RelapseConsumer {

    static final String CONSUMER = "intake-readmission";
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    static final Set<EventType> WANTED = EnumSet.of(EventType.RELAPSE_REPORTED);

    private final IncomingEvents events;
    private final Referrals referrals;

    RelapseConsumer(IncomingEvents events, Referrals referrals) {
        this.events = events;
        this.referrals = referrals;
    }

    @Incoming("aftercare-events")
    @Blocking
    public void onAftercareEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(CONSUMER, record, WANTED, event -> referrals.readmit(event.patientId()));
    }
}
