package io.cairn.intake.api;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.intake.domain.Address;
import io.cairn.intake.domain.EmergencyContact;
import io.cairn.intake.domain.ExternalIdentifier;
import io.cairn.intake.domain.Patient;
import io.cairn.screeners.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PatientView", example = """
        {"id":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","givenName":"Dana","familyName":"Reyes",
         "birthDate":"1988-04-12","sex":"female","ageGroup":"adult","preferredSchedule":"evening",
         "phone":"+1 555 0100","email":"dana.reyes@example.org",
         "address":{"line":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"},
         "emergencyContact":{"name":"Luis Reyes","relationship":"brother","phone":"+1 555 0101"},
         "identifiers":[{"system":"urn:ehr:demo:mrn","value":"MRN-004211"}],"version":0,
         "createdAt":"2026-11-24T10:15:30Z","updatedAt":"2026-11-24T10:15:30Z"}""")
public record PatientView(UUID id, String givenName, String familyName, LocalDate birthDate, Sex sex,
        Population ageGroup,
        @Schema(nullable = true) PreferredSchedule preferredSchedule,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String email,
        @Schema(nullable = true) Address address,
        @Schema(nullable = true) EmergencyContact emergencyContact,
        List<ExternalIdentifier> identifiers, int version, Instant createdAt, Instant updatedAt) {

    public static PatientView of(Patient patient) {
        return new PatientView(patient.id, patient.givenName, patient.familyName, patient.birthDate, patient.sex,
                patient.ageGroup, patient.preferredSchedule, patient.phone, patient.email, patient.address,
                patient.emergencyContact,
                patient.identifiers.stream().sorted(Comparator.comparing(ExternalIdentifier::system)).toList(),
                patient.version, patient.createdAt, patient.updatedAt);
    }
}
