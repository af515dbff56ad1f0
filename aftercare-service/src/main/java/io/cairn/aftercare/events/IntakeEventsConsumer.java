package io.cairn.aftercare.events;

import io.cairn.contracts.EventType;
import io.cairn.aftercare.domain.IntakeBaseline;
import io.cairn.aftercare.domain.Readmission;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.ConsentChanged;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.kit.consent.ConsentProjection;
import io.cairn.kit.events.IncomingEvents;
import io.cairn.kit.events.EventEffects;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** From intake: consents for Part 2, intake scores as the outcome baseline, and readmissions after relapse. */
@ApplicationScoped
public class IntakeEventsConsumer {

    static final String CONSUMER = "aftercare-intake";
    private final IncomingEvents events;
    /** The only events of the topic this consumer applies; the others are for other consumers. */
    private final EventEffects effects;
    private final ConsentProjection consents;

    IntakeEventsConsumer(IncomingEvents events, ConsentProjection consents) {
        this.events = events;
        this.consents = consents;
        this.effects = EventEffects.of()
                .on(EventType.CONSENT_CHANGED, ConsentChanged.class, consents::apply)
                .on(EventType.ASSESSMENT_COMPLETED, AssessmentCompleted.class, IntakeEventsConsumer::keepBaseline)
                .on(EventType.REFERRAL_RECEIVED, ReferralReceived.class, IntakeEventsConsumer::keepReadmission);
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecords<String, String> records) {
        events.applyAllOnce(CONSUMER, records, effects);
        events.afterPoll(CONSUMER, () -> consents.heard(CONSUMER, records));
    }

    private static void keepBaseline(AssessmentCompleted assessment) {
        IntakeBaseline baseline = IntakeBaseline.findById(assessment.patientId());
        if (baseline == null) {
            baseline = new IntakeBaseline();
            baseline.patientId = assessment.patientId();
        } else if (baseline.assessedAt.isAfter(assessment.completedAt())) {
            return;
        }
        baseline.phq9Score = score(assessment, "PHQ-9");
        baseline.gad7Score = score(assessment, "GAD-7");
        baseline.assessedAt = assessment.completedAt();
        baseline.persist();
    }

    private static Integer score(AssessmentCompleted assessment, String screener) {
        return assessment.screenerResults().stream().filter(r -> r.screener().equals(screener))
                .map(ScreenerResult::score).findFirst().orElse(null);
    }

    private static void keepReadmission(ReferralReceived referral) {
        if (referral.source() == ReferralSource.AFTERCARE_RELAPSE && Readmission.findById(referral.referralId()) == null) {
            Readmission readmission = new Readmission();
            readmission.referralId = referral.referralId();
            readmission.patientId = referral.patientId();
            readmission.receivedAt = referral.receivedAt();
            readmission.persist();
        }
    }
}
