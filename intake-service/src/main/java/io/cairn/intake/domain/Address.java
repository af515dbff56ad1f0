package io.cairn.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;

@Embeddable
public record Address(@Size(max = 200) @Column(name = "address_line") String line, @Size(max = 100) String city,
        @Size(max = 50) String state, @Size(max = 20) @Column(name = "postal_code") String postalCode) {
}
