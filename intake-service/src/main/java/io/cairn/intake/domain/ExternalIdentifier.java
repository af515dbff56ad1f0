package io.cairn.intake.domain;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;

/**
 * The patient's number in another system, e.g. an EHR's medical record number (MRN). Unique per system.
 *
 * @param system the issuing system, e.g. {@code urn:ehr:northside:mrn}
 */
@Embeddable
public record ExternalIdentifier(@NotBlank @Size(max = 200) String system, @NotBlank @Size(max = 100) String value) {
}
