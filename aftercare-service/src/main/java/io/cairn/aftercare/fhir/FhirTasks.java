package io.cairn.aftercare.fhir;

import java.util.stream.Stream;
import java.time.Instant;
import io.cairn.fhir.Fhir;
import io.cairn.aftercare.domain.AftercareItem;
import io.cairn.aftercare.domain.AftercareReferral;
import io.cairn.aftercare.domain.CheckIn;
import io.cairn.aftercare.domain.CheckInStatus;
import io.cairn.fhir.SecurityLabels;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * An aftercare referral as a FHIR {@code Task}: follow the patient up after the episode ({@code focus}: its
 * EpisodeOfCare), owned by the case manager, {@code in-progress} until every check-in is done or missed. An episode
 * ended against medical advice is {@code urgent}: outreach within 72 hours.
 */
final class FhirTasks {

    private FhirTasks() {
    }

    /** A referral with its check-ins, earliest first. */
    record FollowUp(AftercareReferral referral, List<CheckIn> checkIns) {
    }

    static Task toFhir(FollowUp followUp) {
        AftercareReferral referral = followUp.referral();
        Task fhir = new Task();
        fhir.setId(referral.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(referral.version));
        Fhir.lastUpdated(fhir, Stream.concat(Stream.of(referral.updatedAt),
                followUp.checkIns().stream().map(checkIn -> checkIn.updatedAt)).toArray(Instant[]::new));
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(status(followUp)).setIntent(TaskIntent.ORDER)
                .setPriority(referral.outreach ? TaskPriority.URGENT : TaskPriority.ROUTINE)
                .setCode(new CodeableConcept().setText("Aftercare follow-up after the intensive outpatient program"))
                .setFor(new Reference("Patient/" + referral.patientId))
                .setFocus(new Reference("EpisodeOfCare/" + referral.id))
                .setAuthoredOn(Date.from(referral.createdAt))
                .setExecutionPeriod(new Period().setStartElement(new DateTimeType(referral.dischargedOn.toString())));
        if (referral.caseManager != null) {
            fhir.setOwner(new Reference().setDisplay(referral.caseManager));
        }
        if (referral.items != null) {
            fhir.setDescription(String.join("; ", referral.items.stream().map(FhirTasks::item).toList()));
        }
        for (CheckIn checkIn : followUp.checkIns()) {
            fhir.addNote().setText("Day " + checkIn.milestoneDays + " check-in, due " + checkIn.dueOn + ": "
                    + checkIn.status.name().toLowerCase(Locale.ROOT));
        }
        return fhir;
    }

    /** In progress while any check-in is still scheduled. */
    static TaskStatus status(FollowUp followUp) {
        boolean open = followUp.checkIns().stream().anyMatch(c -> c.status == CheckInStatus.SCHEDULED);
        return open ? TaskStatus.INPROGRESS : TaskStatus.COMPLETED;
    }

    private static String item(AftercareItem item) {
        return item.description() + (item.provider() == null ? "" : " (" + item.provider() + ")");
    }
}
