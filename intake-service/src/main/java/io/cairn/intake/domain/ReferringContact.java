package io.cairn.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** The person at the referring organization to call back. */
@Embeddable
public record ReferringContact(@Size(max = 200) @Column(name = "referring_contact_name") String name,
        @Size(max = 30) @Column(name = "referring_contact_phone") String phone,
        @Email @Size(max = 254) @Column(name = "referring_contact_email") String email) {
}
