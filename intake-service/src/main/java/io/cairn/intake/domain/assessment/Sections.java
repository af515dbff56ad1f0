package io.cairn.intake.domain.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cairn.contracts.events.PreferredSchedule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The structured sections of a biopsychosocial assessment, each stored and answered as it is written here. */
public final class Sections {

    private Sections() {
    }

    public record MedicalHistory(
            @Schema(nullable = true) @Size(max = 50) List<@NotBlank @Size(max = 200) String> conditions,
            @Schema(nullable = true) @Size(max = 50) List<@NotBlank @Size(max = 200) String> allergies,
            @Schema(nullable = true) @Size(max = 200) String primaryCareProvider,
            @Schema(nullable = true) @Size(max = 4000) String notes) {
    }

    public record Medication(@NotBlank @Size(max = 200) String name,
            @Schema(nullable = true) @Size(max = 100) String dose,
            @Schema(nullable = true) @Size(max = 100) String frequency,
            @Schema(nullable = true) @Size(max = 200) String prescriber) {
    }

    public record CurrentSymptoms(
            @Schema(nullable = true) @Size(max = 50) List<@NotBlank @Size(max = 200) String> symptoms,
            @Schema(nullable = true) @Size(max = 4000) String notes) {
    }

    public record SubstanceUse(@NotBlank @Size(max = 100) String substance, @NotNull UseFrequency frequency,
            @NotNull UseRoute route,
            @Schema(nullable = true) @PastOrPresent LocalDate lastUse,
            @Schema(nullable = true) @Min(0) @Max(100) Integer ageOfFirstUse,
            @Schema(nullable = true) @Size(max = 1000) String notes) {
    }

    public enum UseFrequency {
        @JsonProperty("daily")
        DAILY,
        @JsonProperty("several-times-a-week")
        SEVERAL_TIMES_A_WEEK,
        @JsonProperty("weekly")
        WEEKLY,
        @JsonProperty("monthly")
        MONTHLY,
        @JsonProperty("less-than-monthly")
        LESS_THAN_MONTHLY,
        @JsonProperty("not-in-past-year")
        NOT_IN_PAST_YEAR
    }

    public enum UseRoute {
        @JsonProperty("oral")
        ORAL,
        @JsonProperty("smoked")
        SMOKED,
        @JsonProperty("inhaled")
        INHALED,
        @JsonProperty("intranasal")
        INTRANASAL,
        @JsonProperty("injected")
        INJECTED,
        @JsonProperty("other")
        OTHER
    }

    public record MentalHealthHistory(
            @Schema(nullable = true) @Size(max = 50) List<@NotBlank @Size(max = 200) String> diagnoses,
            @Schema(nullable = true) @Min(0) @Max(100) Integer psychiatricHospitalizations,
            @Schema(nullable = true) Boolean previousTreatment,
            @Schema(nullable = true) @Size(max = 4000) String notes) {
    }

    public record FamilyAndSupport(
            @Schema(nullable = true) @Size(max = 200) String livingWith,
            @Schema(nullable = true) @Size(max = 20) List<@NotBlank @Size(max = 200) String> supportPeople,
            @Schema(nullable = true) Boolean familyConflict,
            @Schema(nullable = true) @Size(max = 4000) String notes) {
    }

    public record LivingSituation(@NotNull Housing housing, @NotNull Employment employment,
            @Schema(nullable = true) Boolean legalInvolvement,
            @Schema(nullable = true) @Size(max = 4000) String notes) {
    }

    public enum Housing {
        @JsonProperty("stable")
        STABLE,
        @JsonProperty("unstable")
        UNSTABLE,
        @JsonProperty("homeless")
        HOMELESS,
        @JsonProperty("sober-living")
        SOBER_LIVING
    }

    public enum Employment {
        @JsonProperty("employed-full-time")
        EMPLOYED_FULL_TIME,
        @JsonProperty("employed-part-time")
        EMPLOYED_PART_TIME,
        @JsonProperty("unemployed")
        UNEMPLOYED,
        @JsonProperty("student")
        STUDENT,
        @JsonProperty("retired")
        RETIRED,
        @JsonProperty("unable-to-work")
        UNABLE_TO_WORK
    }

    public record StrengthsAndPreferences(
            @Schema(nullable = true) @Size(max = 20) List<@NotBlank @Size(max = 200) String> strengths,
            @Schema(nullable = true) PreferredSchedule preferredSchedule,
            @Schema(nullable = true) @Size(max = 4000) String preferences) {
    }
}
