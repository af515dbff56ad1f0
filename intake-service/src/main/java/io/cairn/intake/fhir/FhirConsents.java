package io.cairn.intake.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.SecurityLabels;
import io.cairn.intake.domain.Consent;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A 42 CFR Part 2 consent as a FHIR privacy {@code Consent}: the patient permits one recipient to have some categories
 * of their records, for a purpose, for a period. {@code active} while it is in force; {@code inactive} once revoked or
 * expired.
 */
final class FhirConsents {

    static final String PART_2 = "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2";
    /** The recipient is named by its OIDC client id, as the tokens Cairn verifies carry it. */
    static final String CLIENT_ID_SYSTEM = "urn:cairn:oidc-client-id";

    private FhirConsents() {
    }

    /** The consent as it stands on the clinic's {@code today}. */
    static org.hl7.fhir.r4.model.Consent toFhir(Consent consent, LocalDate today) {
        org.hl7.fhir.r4.model.Consent fhir = new org.hl7.fhir.r4.model.Consent();
        fhir.setId(consent.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(consent.version));
        Fhir.lastUpdated(fhir, consent.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(consent.isActiveOn(today)
                ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                : org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        fhir.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy", "Privacy Consent")));
        fhir.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", null))
                .setText("42 CFR Part 2 consent to disclose"));
        fhir.setPatient(new Reference("Patient/" + consent.patientId));
        fhir.setDateTime(Date.from(consent.givenAt));
        fhir.addPolicy().setAuthority("https://www.ecfr.gov").setUri(PART_2);
        var provision = fhir.getProvision();
        provision.setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStartElement(new DateTimeType(consent.effectiveFrom.toString()));
        if (consent.expiresOn != null) {
            period.setEndElement(new DateTimeType(consent.expiresOn.toString()));
        }
        provision.setPeriod(period);
        provision.addActor().setRole(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")))
                .setReference(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM)
                        .setValue(consent.recipient)).setDisplay(consent.recipient));
        provision.addPurpose(purposeOf(consent.purpose));
        for (RecordCategory category : consent.categories()) {
            provision.addCode().setText(category.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return fhir;
    }

    /** HL7 v3 ActReason: the purposes of use Part 2 consents name. */
    private static Coding purposeOf(ConsentPurpose purpose) {
        String actReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
        return switch (purpose) {
            case TREATMENT -> new Coding(actReason, "TREAT", "treatment");
            case CARE_COORDINATION -> new Coding(actReason, "CAREMGT", "care management");
            case PAYMENT -> new Coding(actReason, "HPAYMT", "healthcare payment");
            case HEALTH_CARE_OPERATIONS -> new Coding(actReason, "HOPERAT", "healthcare operations");
        };
    }
}
