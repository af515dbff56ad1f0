package io.cairn.aftercare.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reported return to use: each one is sent to intake once, as aftercare.relapse.reported. */
@Entity
@Table(name = "relapse_report")
public class RelapseReport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "check_in_id")
    public UUID checkInId;
    @Column(name = "reported_by")
    public String reportedBy;
    public String note;
    @Column(name = "reported_at")
    public Instant reportedAt;
}
