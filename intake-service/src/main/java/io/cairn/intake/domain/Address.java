package io.cairn.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Embeddable
public record Address(
        @Schema(nullable = true) @Size(max = 200) @Column(name = "address_line") String line,
        @Schema(nullable = true) @Size(max = 100) String city,
        @Schema(nullable = true) @Size(max = 50) String state,
        @Schema(nullable = true) @Size(max = 20) @Column(name = "postal_code") String postalCode) {
}
