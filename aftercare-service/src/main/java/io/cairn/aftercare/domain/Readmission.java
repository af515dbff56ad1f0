package io.cairn.aftercare.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A readmission referral intake opened after a relapse: counted in the outcomes. */
@Entity
@Table(name = "readmission")
public class Readmission extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "received_at")
    public Instant receivedAt;
}
