package io.cairn.aftercare.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.aftercare.domain.AftercareReferral;
import io.cairn.fhir.SecurityLabels;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * The IOP episode as a FHIR {@code EpisodeOfCare}, as aftercare knows it: finished on the day of discharge, with the
 * case manager who follows the patient now, and whether its outreach is urgent.
 */
final class FhirEpisodesOfCare {

    static final String PROGRAM = "Intensive outpatient program (ASAM level 2.1)";

    private FhirEpisodesOfCare() {
    }

    static EpisodeOfCare toFhir(AftercareReferral referral) {
        EpisodeOfCare fhir = new EpisodeOfCare();
        fhir.setId(referral.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(referral.version));
        Fhir.lastUpdated(fhir, referral.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(EpisodeOfCareStatus.FINISHED)
                .setPatient(new Reference("Patient/" + referral.patientId))
                .setPeriod(new Period().setEndElement(new DateTimeType(referral.dischargedOn.toString())));
        fhir.addType().setText(PROGRAM);
        if (referral.outreach) {
            // Urgent, without the reason: why the episode ended is the plan's record (treatment-plans), not aftercare's.
            fhir.addType().setText("Urgent outreach within 72 hours");
        }
        if (referral.caseManager != null) {
            fhir.setCareManager(new Reference().setDisplay(referral.caseManager));
        }
        return fhir;
    }
}
