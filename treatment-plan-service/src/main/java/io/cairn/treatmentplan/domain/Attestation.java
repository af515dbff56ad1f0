package io.cairn.treatmentplan.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a member of staff knows the patient acknowledged their plan, when they record it for the patient.
 *
 * @param witnessedBy who saw or heard the patient acknowledge it
 */
@Schema(name = "AcknowledgmentAttestation", example = """
        {"witnessedBy":"Dr. Ana Okafor","method":"telehealth"}""")
public record Attestation(@NotBlank @Size(max = 200) String witnessedBy, @NotNull Method method) {

    /** How the patient gave it. */
    public enum Method {
        @JsonProperty("in-person")
        IN_PERSON,
        @JsonProperty("telehealth")
        TELEHEALTH,
        /** Signed on paper; the paper is kept in the chart. */
        @JsonProperty("paper")
        PAPER
    }
}
