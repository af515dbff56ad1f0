package io.cairn.billing.events;

import io.cairn.billing.domain.Charges;
import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.kit.events.EventEffects;
import io.cairn.kit.events.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Attendance as scheduling records and corrects it: what each day's charge rests on. */
@ApplicationScoped
public class SchedulingEvents {

    static final String CONSUMER = "billing-attendance";
    private final IncomingEvents events;
    /** The only event of scheduling's topic billing applies; the others are passed over on their type. */
    private final EventEffects effects;

    SchedulingEvents(IncomingEvents events, Charges charges) {
        this.events = events;
        this.effects = EventEffects.of().on(EventType.ATTENDANCE_RECORDED, AttendanceRecorded.class,
                charges::attendanceRecorded);
    }

    @Incoming("scheduling-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
    }
}
