package io.cairn.intake.api;

import io.cairn.contracts.events.ConsentPurpose;
import io.cairn.contracts.events.RecordCategory;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A written Part 2 consent.
 *
 * @param recipient the OAuth client id of the EHR (or the organization) that may receive the records
 * @param effectiveFrom first day it holds; today when left out
 * @param expiresOn last day it holds; until revoked when left out
 */
@Schema(name = "ConsentRequest", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","recipient":"ehr-northside","purpose":"care-coordination",
         "recordCategories":["demographics","assessments","treatment-plans"],"effectiveFrom":"2026-11-24",
         "expiresOn":"2027-11-23"}""")
public record ConsentRequest(
        @NotNull UUID patientId,
        @NotBlank @Size(max = 200) String recipient,
        @NotNull ConsentPurpose purpose,
        @Schema(description = "What the consent releases to the recipient, as the patient is told when signing it: "
                + "demographics (who the patient is: name, birth date, sex, contact, emergency contact, identifiers, "
                + "preferred schedule); assessments (the referral and its reason, the assessments, screener answers "
                + "and scores, safety findings, level of care, and what each plan problem was raised by); "
                + "treatment-plans (the plan: problems, goals, objectives, interventions, hours target, reviews, "
                + "progress notes, group session notes, graduation and discharge with its reason); attendance "
                + "(sessions booked and attended, hours per week, why a plan was flagged for review); aftercare (the "
                + "aftercare plan, including the substances its support meetings are for, the people who support the "
                + "patient and the medications to continue, whether outreach is urgent, check-ins and their answers, "
                + "relapses)") @NotEmpty @Size(max = 10) List<@NotNull RecordCategory> recordCategories,
        LocalDate effectiveFrom,
        @FutureOrPresent LocalDate expiresOn) {
}
