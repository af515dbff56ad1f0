package io.cairn.intake.api;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.intake.domain.Address;
import io.cairn.intake.domain.EmergencyContact;
import io.cairn.intake.domain.ExternalIdentifier;
import io.cairn.screeners.Sex;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A patient's registration data, to create a patient or replace their data.
 *
 * @param version on update: the version the change is based on (409 when someone changed it since)
 */
@Schema(name = "PatientRequest", example = PatientRequest.EXAMPLE)
public record PatientRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Past LocalDate birthDate,
        @NotNull Sex sex,
        @NotNull Population ageGroup,
        PreferredSchedule preferredSchedule,
        @Size(max = 30) @Pattern(regexp = "[+0-9 ()./-]{5,30}", message = "must be a phone number") String phone,
        @Email @Size(max = 254) String email,
        @Valid Address address,
        @Valid EmergencyContact emergencyContact,
        @Size(max = 10) List<@Valid @NotNull ExternalIdentifier> identifiers,
        Integer version) {

    static final String EXAMPLE = """
            {"givenName":"Dana","familyName":"Reyes","birthDate":"1988-04-12","sex":"female","ageGroup":"adult",
             "preferredSchedule":"evening","phone":"+1 555 0100","email":"dana.reyes@example.org",
             "address":{"line":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"},
             "emergencyContact":{"name":"Luis Reyes","relationship":"brother","phone":"+1 555 0101"},
             "identifiers":[{"system":"urn:ehr:demo:mrn","value":"MRN-004211"}]}""";

    public List<ExternalIdentifier> identifiersOrEmpty() {
        return identifiers == null ? List.of() : identifiers;
    }
}
