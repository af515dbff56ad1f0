package io.cairn.aftercare.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A patient's PHQ-9 and GAD-7 at their latest intake assessment. */
@Entity
@Table(name = "intake_baseline")
public class IntakeBaseline extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "phq9_score")
    public Integer phq9Score;
    @Column(name = "gad7_score")
    public Integer gad7Score;
    @Column(name = "assessed_at")
    public Instant assessedAt;
}
