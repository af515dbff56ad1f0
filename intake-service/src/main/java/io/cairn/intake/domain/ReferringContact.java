package io.cairn.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The person at the referring organization to call back. */
@Embeddable
public record ReferringContact(
        @Schema(nullable = true) @Size(max = 200) @Column(name = "referring_contact_name") String name,
        @Schema(nullable = true) @Size(max = 30) @Column(name = "referring_contact_phone") String phone,
        @Schema(nullable = true) @Email @Size(max = 254) @Column(name = "referring_contact_email") String email) {
}
