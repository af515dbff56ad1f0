package io.cairn.aftercare.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One part of the aftercare plan: what, with whom, how it stands. */
public record AftercareItem(@NotNull Kind kind, @NotBlank @Size(max = 500) String description,
        @Schema(nullable = true) @Size(max = 200) String provider,
        @Schema(nullable = true) @Size(max = 200) String contact, @NotNull Status status,
        @Schema(nullable = true) LocalDate startsOn) {

    public enum Kind {
        @JsonProperty("step-down-therapy")
        STEP_DOWN_THERAPY,
        @JsonProperty("support-group")
        SUPPORT_GROUP,
        @JsonProperty("sober-living")
        SOBER_LIVING,
        @JsonProperty("medication-management")
        MEDICATION_MANAGEMENT,
        @JsonProperty("alumni-group")
        ALUMNI_GROUP,
        @JsonProperty("outreach")
        OUTREACH
    }

    public enum Status {
        @JsonProperty("planned")
        PLANNED,
        @JsonProperty("active")
        ACTIVE,
        @JsonProperty("completed")
        COMPLETED,
        @JsonProperty("declined")
        DECLINED
    }
}
