package io.cairn.billing.api;

import io.cairn.billing.domain.Coverage;
import io.cairn.billing.domain.SubscriberSex;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The subscriber of a coverage, who is the patient, as the payer knows them: what a claim names. */
@Schema(name = "Subscriber", description = "The insured, who is the patient, as on the insurance card", example = """
        {"givenName":"Ana","familyName":"Rivera","birthDate":"1988-04-12","sex":"female",
         "addressLine":"14 Main St","city":"Springfield","state":"IL","postalCode":"62701"}""")
public record Subscriber(
        @NotBlank @Size(max = 35) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String givenName,
        @NotBlank @Size(max = 60) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String familyName,
        @NotNull @Past LocalDate birthDate,
        @NotNull SubscriberSex sex,
        @NotBlank @Size(max = 55) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String addressLine,
        @NotBlank @Size(max = 30) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}") String state,
        @NotNull @Pattern(regexp = "[0-9]{5}([0-9]{4})?") String postalCode) {

    void copyTo(Coverage coverage) {
        coverage.subscriberGivenName = givenName.strip();
        coverage.subscriberFamilyName = familyName.strip();
        coverage.subscriberBirthDate = birthDate;
        coverage.subscriberSex = sex;
        coverage.addressLine = addressLine.strip();
        coverage.city = city.strip();
        coverage.state = state;
        coverage.postalCode = postalCode;
    }

    /** None for a coverage entered before the subscriber was asked for. */
    static Subscriber of(Coverage coverage) {
        return coverage.namesItsSubscriber() ? new Subscriber(coverage.subscriberGivenName,
                coverage.subscriberFamilyName, coverage.subscriberBirthDate, coverage.subscriberSex,
                coverage.addressLine, coverage.city, coverage.state, coverage.postalCode) : null;
    }
}
