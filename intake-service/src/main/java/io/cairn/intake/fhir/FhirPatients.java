package io.cairn.intake.fhir;

import io.cairn.contracts.events.Population;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import io.cairn.fhir.SecurityLabels;
import io.cairn.intake.api.PatientRequest;
import io.cairn.intake.domain.Address;
import io.cairn.intake.domain.EmergencyContact;
import io.cairn.intake.domain.ExternalIdentifier;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.screeners.Sex;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Patient.ContactComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * A Cairn patient as a FHIR {@code Patient}, and a FHIR {@code Patient} as a registration. Sex maps to administrative
 * gender (intersex is {@code other}); the age group is not a FHIR element and is derived from the birth date.
 */
final class FhirPatients {

    /** HL7 v2 table 0131: the contact role of an emergency contact. */
    static final String CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131";
    private static final int ADULT_AGE = 18;

    private FhirPatients() {
    }

    static Patient toFhir(io.cairn.intake.domain.Patient patient) {
        Patient fhir = new Patient();
        fhir.setId(patient.id.toString());
        fhir.getMeta().setVersionId(String.valueOf(patient.version))
                .setLastUpdated(Date.from(patient.updatedAt));
        SecurityLabels.substanceUseInformation(fhir);
        patient.identifiers.stream().sorted(Comparator.comparing(ExternalIdentifier::system)
                .thenComparing(ExternalIdentifier::value))
                .forEach(identifier -> fhir.addIdentifier().setSystem(identifier.system())
                        .setValue(identifier.value()));
        fhir.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(patient.familyName)
                .addGiven(patient.givenName);
        fhir.setGender(genderOf(patient.sex));
        fhir.setBirthDateElement(new DateType(patient.birthDate.toString()));
        if (patient.phone != null) {
            fhir.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(patient.phone);
        }
        if (patient.email != null) {
            fhir.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(patient.email);
        }
        Address address = patient.address;
        if (address != null) {
            org.hl7.fhir.r4.model.Address fhirAddress = fhir.addAddress().setCity(address.city())
                    .setState(address.state()).setPostalCode(address.postalCode());
            if (address.line() != null) {
                fhirAddress.addLine(address.line());
            }
        }
        EmergencyContact contact = patient.emergencyContact;
        if (contact != null) {
            ContactComponent fhirContact = fhir.addContact();
            fhirContact.addRelationship(new CodeableConcept(new Coding(CONTACT_ROLE, "C", "Emergency Contact")));
            if (contact.relationship() != null) {
                fhirContact.addRelationship().setText(contact.relationship());
            }
            fhirContact.setName(new HumanName().setText(contact.name()));
            fhirContact.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(contact.phone());
        }
        return fhir;
    }

    /** The registration a FHIR Patient asks for; Bean Validation of the result names what is missing or wrong. */
    /** The registration a FHIR Patient asks for; the age group is the patient's age on the clinic's {@code today}. */
    static PatientRequest toRegistration(Patient fhir, LocalDate today) {
        Optional<HumanName> name = fhir.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .or(() -> fhir.getName().stream().findFirst());
        LocalDate birthDate = birthDateOf(fhir);
        return new PatientRequest(
                name.map(n -> String.join(" ", n.getGiven().stream().map(StringType::getValue).toList()))
                        .filter(given -> !given.isBlank()).orElse(null),
                name.map(HumanName::getFamily).orElse(null),
                birthDate,
                fhir.hasGender() ? sexOf(fhir.getGender()) : null,
                birthDate == null ? null : ageGroupOf(birthDate, today),
                null,
                telecom(fhir.getTelecom(), ContactPointSystem.PHONE),
                telecom(fhir.getTelecom(), ContactPointSystem.EMAIL),
                fhir.getAddress().stream().findFirst().map(a -> new Address(
                        a.getLine().isEmpty() ? null : a.getLine().get(0).getValue(), a.getCity(), a.getState(),
                        a.getPostalCode())).orElse(null),
                fhir.getContact().stream().findFirst().map(FhirPatients::emergencyContactOf).orElse(null),
                fhir.getIdentifier().stream().map(i -> new ExternalIdentifier(i.getSystem(), i.getValue())).toList(),
                null);
    }

    /**
     * Where a field of the registration came from in the FHIR Patient, for the OperationOutcome's expression.
     */
    static String expressionOf(String field) {
        String root = field.replaceFirst("[.\\[].*", "");
        String index = field.startsWith("identifiers[") ? field.replaceFirst("^identifiers(\\[\\d+]).*", "$1") : "";
        return switch (root) {
            case "givenName" -> "Patient.name.given";
            case "familyName" -> "Patient.name.family";
            case "birthDate", "ageGroup" -> "Patient.birthDate";
            case "sex" -> "Patient.gender";
            case "phone", "email" -> "Patient.telecom";
            case "address" -> "Patient.address";
            case "emergencyContact" -> "Patient.contact";
            case "identifiers" -> "Patient.identifier" + index;
            default -> "Patient";
        };
    }

    private static LocalDate birthDateOf(Patient fhir) {
        if (!fhir.hasBirthDate()) {
            return null;
        }
        if (fhir.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            // The program's rules (adolescent or adult, screener norms) need the day.
            throw new InvalidRequestException("Patient.birthDate", "must be a full date (YYYY-MM-DD)");
        }
        return LocalDate.parse(fhir.getBirthDateElement().getValueAsString());
    }

    private static EmergencyContact emergencyContactOf(ContactComponent contact) {
        String relationship = contact.getRelationship().stream()
                .filter(r -> r.getCoding().isEmpty() && r.hasText()).map(CodeableConcept::getText).findFirst()
                .orElse(null);
        return new EmergencyContact(contact.hasName() ? contact.getName().getNameAsSingleString() : null,
                relationship, telecom(contact.getTelecom(), ContactPointSystem.PHONE));
    }

    private static String telecom(List<ContactPoint> telecom, ContactPointSystem system) {
        return telecom.stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue).findFirst()
                .orElse(null);
    }

    private static Population ageGroupOf(LocalDate birthDate, LocalDate today) {
        return Period.between(birthDate, today).getYears() < ADULT_AGE
                ? Population.ADOLESCENT
                : Population.ADULT;
    }

    private static AdministrativeGender genderOf(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case INTERSEX -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    private static Sex sexOf(AdministrativeGender gender) {
        return switch (gender) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.INTERSEX;
            default -> Sex.UNKNOWN;
        };
    }
}
