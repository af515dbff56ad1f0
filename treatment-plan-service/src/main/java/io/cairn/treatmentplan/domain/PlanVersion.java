package io.cairn.treatmentplan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A plan as it stood at one version, with who made that version and when. */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {

    public record Key(UUID planId, int number) implements Serializable {
    }

    /** The content that versions: problems, goals, objectives, interventions, hours, length, schedule. */
    public record Snapshot(List<PlanProblem> problems, BigDecimal weeklyHours, int expectedWeeks,
            io.cairn.contracts.events.PreferredSchedule preferredSchedule) {
    }

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Id
    public int number;
    @JdbcTypeCode(SqlTypes.JSON)
    public Snapshot snapshot;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "change_note")
    public String changeNote;

    public static PlanVersion of(TreatmentPlan plan, String author, String changeNote) {
        PlanVersion version = new PlanVersion();
        version.planId = plan.id;
        version.number = plan.planVersion;
        version.snapshot = new Snapshot(plan.problems, plan.weeklyHours, plan.expectedWeeks, plan.preferredSchedule);
        version.author = author;
        version.createdAt = Instant.now();
        version.changeNote = changeNote;
        return version;
    }
}
