package io.cairn.treatmentplan.api;

import io.cairn.treatmentplan.domain.Attestation;
import jakarta.validation.Valid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param planVersion the version the patient saw, when the client sends it: another is a 409, so that a change made
 *        meanwhile is not acknowledged unseen
 * @param attestation when staff record the patient's acknowledgment: who witnessed it and how; none from the patient
 */
@Schema(name = "AcknowledgmentRequest", example = """
        {"planVersion":2,"attestation":{"witnessedBy":"Dr. Ana Okafor","method":"in-person"}}""")
public record AcknowledgmentRequest(Integer planVersion, @Valid Attestation attestation) {
}
