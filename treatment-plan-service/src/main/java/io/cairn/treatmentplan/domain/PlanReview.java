package io.cairn.treatmentplan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A periodic review of the plan: progress per objective, a summary, and the version it revised the plan to. */
@Entity
@Table(name = "plan_review")
public class PlanReview extends PanacheEntityBase {

    @Schema(name = "RecordedObjectiveProgress", description = "An objective's progress as a review recorded it")
    public record ObjectiveProgress(UUID objectiveId, ObjectiveStatus status, @Schema(nullable = true) String note) {
    }

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "held_on")
    public LocalDate heldOn;
    public String reviewer;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "objective_progress")
    public List<ObjectiveProgress> objectiveProgress;
    public String summary;
    @Column(name = "revised_version")
    public Integer revisedVersion;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
