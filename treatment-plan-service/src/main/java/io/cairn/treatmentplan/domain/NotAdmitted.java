package io.cairn.treatmentplan.domain;

import io.cairn.contracts.events.LevelOfCare;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An assessment that led to no IOP plan, with the reason. */
@Entity
@Table(name = "not_admitted")
public class NotAdmitted extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    @Column(name = "level_of_care")
    public LevelOfCare levelOfCare;
    public String reason;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
