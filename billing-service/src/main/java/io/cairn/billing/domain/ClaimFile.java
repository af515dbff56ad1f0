package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A run's claims to one payer as the 837 interchange sent to it, kept as written. */
@Entity
@Table(name = "claim_file")
public class ClaimFile extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "payer_id")
    public UUID payerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "claim_form")
    public ClaimForm claimForm;
    /** ISA13 and GS06: unique per interchange the clinic sends. */
    @Column(name = "control_number")
    public long controlNumber;
    public String content;
    @Column(name = "created_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    public Instant createdAt;
}
