package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.LevelOfCare;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of an assessment's level-of-care history: what the rules recommended and what the clinician decided. */
@Entity
@Table(name = "level_of_care_decision")
public class LevelOfCareDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Enumerated(EnumType.STRING)
    public LevelOfCare recommended;
    @Enumerated(EnumType.STRING)
    public LevelOfCare decided;
    @Column(name = "override_reason")
    public String overrideReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
