package io.cairn.treatmentplan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinician's note on one objective's progress. */
@Entity
@Table(name = "progress_note")
public class ProgressNote extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "objective_id")
    public UUID objectiveId;
    @Enumerated(EnumType.STRING)
    public ObjectiveStatus status;
    public String note;
    public String author;
    @Column(name = "written_at")
    public Instant writtenAt;
}
