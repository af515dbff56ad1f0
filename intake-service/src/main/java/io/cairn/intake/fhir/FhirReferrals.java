package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.fhir.SecurityLabels;
import io.cairn.intake.api.ReferralRequest;
import io.cairn.intake.domain.Referral;
import io.cairn.intake.domain.ReferralStatus;
import io.cairn.intake.domain.ReferringContact;
import io.cairn.intake.domain.Urgency;
import io.cairn.kit.problem.InvalidRequestException;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * A referral to the program as a FHIR {@code ServiceRequest} (the referral request of the BSeR pattern): the patient,
 * why, how urgent, who referred, and where it stands. A referral ends {@code completed} at admission and
 * {@code revoked} when declined or referred elsewhere.
 */
public final class FhirReferrals {

    static final String SERVICE = "Intensive outpatient program (ASAM level 2.1) for substance use and mental health";
    private static final String PROGRAM = "Cairn intensive outpatient program";

    private FhirReferrals() {
    }

    public static ServiceRequest toFhir(Referral referral) {
        ServiceRequest fhir = new ServiceRequest();
        fhir.setId(referral.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(referral.version));
        Fhir.lastUpdated(fhir, referral.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(statusOf(referral.status)).setIntent(ServiceRequestIntent.ORDER)
                .setPriority(referral.urgency == Urgency.URGENT ? ServiceRequestPriority.URGENT
                        : ServiceRequestPriority.ROUTINE)
                .setCode(new CodeableConcept().setText(SERVICE))
                .setSubject(new Reference("Patient/" + referral.patientId))
                .setAuthoredOn(Date.from(referral.receivedAt));
        fhir.addReasonCode().setText(referral.reason);
        fhir.addPerformer().setDisplay(PROGRAM);
        if (referral.referringOrganization != null) {
            fhir.setRequester(new Reference().setDisplay(referral.referringOrganization));
        }
        ReferringContact contact = referral.referringContact;
        if (contact != null) {
            String callBack = Stream.of(contact.name(), contact.phone(), contact.email())
                    .filter(value -> value != null && !value.isBlank()).collect(Collectors.joining(", "));
            if (!callBack.isEmpty()) {
                fhir.addNote().setText("Referring contact: " + callBack);
            }
        }
        if (referral.readmissionOf != null) {
            fhir.addReplaces(new Reference("ServiceRequest/" + referral.readmissionOf));
        }
        return fhir;
    }

    /**
     * The referral a FHIR ServiceRequest makes: an active order for a patient of Cairn, with a reason. What is missing
     * or not one of ours is named, with where it is.
     */
    static ReferralRequest toReferral(ServiceRequest fhir) {
        if (fhir.getStatus() != ServiceRequestStatus.ACTIVE) {
            throw new InvalidRequestException("ServiceRequest.status", "must be active: a referral Cairn acts on");
        }
        if (fhir.getIntent() != ServiceRequestIntent.ORDER) {
            throw new InvalidRequestException("ServiceRequest.intent", "must be order");
        }
        UUID patientId = patientOf(fhir.getSubject());
        String reason = fhir.getReasonCode().stream().map(CodeableConcept::getText)
                .filter(text -> text != null && !text.isBlank()).findFirst()
                .orElse(fhir.getCode().getText());
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("ServiceRequest.reasonCode", "must say why the patient is referred");
        }
        Urgency urgency = switch (fhir.hasPriority() ? fhir.getPriority() : ServiceRequestPriority.ROUTINE) {
            case URGENT, ASAP, STAT -> Urgency.URGENT;
            default -> Urgency.ROUTINE;
        };
        String organization = fhir.getRequester().getDisplay();
        return new ReferralRequest(patientId, ReferralSource.EHR, organization, null, reason, urgency);
    }

    /** Where a field of the referral came from in the ServiceRequest, for the OperationOutcome's expression. */
    static String expressionOf(String field) {
        return switch (field.replaceFirst("[.\\[].*", "")) {
            case "patientId" -> "ServiceRequest.subject";
            case "reason" -> "ServiceRequest.reasonCode";
            case "referringOrganization" -> "ServiceRequest.requester";
            case "urgency" -> "ServiceRequest.priority";
            default -> "ServiceRequest";
        };
    }

    private static UUID patientOf(Reference subject) {
        String reference = subject.getReference();
        if (reference == null || !reference.startsWith("Patient/")) {
            throw new InvalidRequestException("ServiceRequest.subject", "must reference a patient, Patient/{id}");
        }
        try {
            return UUID.fromString(reference.substring("Patient/".length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("ServiceRequest.subject", "must reference a patient of Cairn");
        }
    }

    private static ServiceRequestStatus statusOf(ReferralStatus status) {
        return switch (status) {
            case RECEIVED, SCREENING, ASSESSMENT_SCHEDULED -> ServiceRequestStatus.ACTIVE;
            case ADMITTED -> ServiceRequestStatus.COMPLETED;
            case DECLINED, REFERRED_ELSEWHERE -> ServiceRequestStatus.REVOKED;
        };
    }
}
