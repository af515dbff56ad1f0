package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.Attestation;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param attestation when staff record the patient's acknowledgment: who witnessed it and how; none from the patient
 */
@Schema(name = "AcknowledgmentRequest", example = """
        {"attestation":{"witnessedBy":"Dr. Ana Okafor","method":"in-person"}}""")
public record AcknowledgmentRequest(@Valid Attestation attestation) {
}
