package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.SafetyFinding;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A safety finding an assessment showed, and when it was raised; one per finding and assessment. */
@Entity
@Table(name = "safety_alert")
public class SafetyAlert extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public SafetyFinding finding;
    @Column(name = "raised_at")
    public Instant raisedAt;
}
