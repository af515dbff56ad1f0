package io.cairn.treatmentplan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A plan's content as it stood at one version, with who made that version and when. */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {

    public record Key(UUID planId, int number) implements Serializable {
    }

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Id
    public int number;
    @JdbcTypeCode(SqlTypes.JSON)
    public PlanContent snapshot;
    public String author;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "change_note")
    public String changeNote;
    /** The re-assessment this version was drafted from, when one was. */
    @Column(name = "assessment_id")
    public UUID assessmentId;

    public static PlanVersion of(TreatmentPlan plan, String author, String changeNote) {
        PlanVersion version = new PlanVersion();
        version.planId = plan.id;
        version.number = plan.planVersion;
        // The version just made: an approved plan's pending revision, or the draft.
        version.snapshot = plan.latest();
        version.author = author;
        version.createdAt = Instant.now();
        version.changeNote = changeNote;
        return version;
    }
}
