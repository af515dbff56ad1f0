package io.cairn.intake.api;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.intake.domain.Address;
import io.cairn.intake.domain.EmergencyContact;
import io.cairn.intake.domain.ExternalIdentifier;
import io.cairn.intake.domain.Patient;
import io.cairn.intake.domain.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

public record PatientView(UUID id, String givenName, String familyName, LocalDate birthDate, Sex sex,
        Population ageGroup, PreferredSchedule preferredSchedule, String phone, String email, Address address,
        EmergencyContact emergencyContact, List<ExternalIdentifier> identifiers, int version, Instant createdAt,
        Instant updatedAt) {

    public static PatientView of(Patient patient) {
        return new PatientView(patient.id, patient.givenName, patient.familyName, patient.birthDate, patient.sex,
                patient.ageGroup, patient.preferredSchedule, patient.phone, patient.email, patient.address,
                patient.emergencyContact,
                patient.identifiers.stream().sorted(Comparator.comparing(ExternalIdentifier::system)).toList(),
                patient.version, patient.createdAt, patient.updatedAt);
    }
}
