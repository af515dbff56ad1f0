package io.cairn.treatmentplan.domain;

import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's individualized treatment plan for one IOP episode. */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    @Enumerated(EnumType.STRING)
    public Population population;
    /** The plan's content version: each edit or revision makes a new one (see {@link PlanVersion}). */
    @Column(name = "plan_version")
    public int planVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PlanProblem> problems = new ArrayList<>();
    @Column(name = "weekly_hours")
    public BigDecimal weeklyHours;
    @Column(name = "expected_weeks")
    public int expectedWeeks;
    @Column(name = "review_interval_days")
    public int reviewIntervalDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_schedule")
    public PreferredSchedule preferredSchedule;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] substances;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "support_people")
    public String[] supportPeople;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] medications;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledged_version")
    public Integer acknowledgedVersion;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "approved_version")
    public Integer approvedVersion;
    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;
    @Column(name = "flagged_for_review")
    public boolean flaggedForReview;
    @Column(name = "review_flag_reason")
    public String reviewFlagReason;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "discharge_reason")
    public DischargeReason dischargeReason;
    @Column(name = "end_note")
    public String endNote;
    @Version
    public int version;

    /** @throws ConflictException once the episode has ended */
    public void requireOpen() {
        if (status.isClosed()) {
            throw new ConflictException("Treatment plan " + id + " is " + status.name().toLowerCase()
                    + " and can no longer change");
        }
    }

    public void requireActive() {
        if (status != PlanStatus.ACTIVE) {
            throw new ConflictException("Treatment plan " + id + " is not active");
        }
    }

    /** Replaces the content; the caller records the new version. */
    public void revise(List<PlanProblem> newProblems, BigDecimal newWeeklyHours, int newExpectedWeeks,
            PreferredSchedule newSchedule) {
        requireOpen();
        problems = newProblems.stream().map(PlanProblem::normalized).toList();
        weeklyHours = newWeeklyHours.setScale(1, RoundingMode.HALF_UP);
        expectedWeeks = newExpectedWeeks;
        preferredSchedule = newSchedule;
        planVersion++;
    }

    public List<Objective> objectives() {
        return problems.stream().flatMap(p -> p.objectives().stream()).toList();
    }

    public Optional<Objective> objective(UUID objectiveId) {
        return objectives().stream().filter(o -> o.id().equals(objectiveId)).findFirst();
    }

    /** Records an objective's progress status without making a new version: progress is not a plan change. */
    public void setObjectiveStatus(UUID objectiveId, ObjectiveStatus newStatus) {
        if (objective(objectiveId).isEmpty()) {
            throw new InvalidRequestException("objectiveId", "is not an objective of this plan");
        }
        problems = problems.stream().map(p -> new PlanProblem(p.id(), p.kind(), p.description(), p.goal(),
                p.objectives().stream().map(o -> o.id().equals(objectiveId) ? o.withStatus(newStatus) : o).toList(),
                p.interventions())).toList();
    }

    public AftercareNeeds aftercareNeeds() {
        return new AftercareNeeds(List.of(substances), List.of(supportPeople), List.of(medications));
    }
}
