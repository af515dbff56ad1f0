package io.cairn.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Embeddable
public record EmergencyContact(@NotBlank @Size(max = 200) @Column(name = "emergency_contact_name") String name,
        @Schema(nullable = true) @Size(max = 100) @Column(name = "emergency_contact_relationship") String relationship,
        @NotBlank @Size(max = 30) @Column(name = "emergency_contact_phone") String phone) {
}
