package io.cairn.treatmentplan.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.contracts.events.AftercareNeeds;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's individualized treatment plan for one IOP episode. */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan extends PanacheEntityBase {

    /**
     * The patient's plan of the episode under way (a patient has at most one), each open status its own parameter:
     * Hibernate plans a query with a collection parameter again at every call.
     */
    public static PanacheQuery<TreatmentPlan> openOf(UUID patientId) {
        return find("patientId = ?1 and status in (?2, ?3, ?4)", patientId, PlanStatus.DRAFT,
                PlanStatus.AWAITING_APPROVAL, PlanStatus.ACTIVE);
    }

    /** The patient's plan in force, if approved and not ended. */
    public static Optional<TreatmentPlan> activeOf(UUID patientId) {
        return activeOf(patientId, LockModeType.NONE);
    }

    /** {@link #activeOf(UUID)}, its row locked as {@code lock} says until the transaction ends. */
    public static Optional<TreatmentPlan> activeOf(UUID patientId, LockModeType lock) {
        return TreatmentPlan.<TreatmentPlan> find("patientId = ?1 and status = ?2", patientId, PlanStatus.ACTIVE)
                .withLock(lock).firstResultOptional();
    }

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
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
    /** The problems as in force (or, before approval, as drafted), without progress: see {@link #problems()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "problems")
    public List<PlanProblem> problemContent = new ArrayList<>();
    /**
     * Each objective's progress, by objective id, apart from the versioned content: an edit or a revision keeps it.
     * A change to it is a change of the plan (its version moves on).
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "objective_progress", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyColumn(name = "objective_id")
    @Column(name = "status")
    @Enumerated(EnumType.STRING)
    public Map<UUID, ObjectiveStatus> progress = new HashMap<>();
    /** A change of the approved plan that awaits the patient's acknowledgment and a clinician's approval. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pending_revision")
    public PlanContent pendingRevision;
    /** The re-screens a clinician set for this plan; none: the clinic's for its problems. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "measurement_schedule")
    public List<io.cairn.treatmentplan.domain.measures.MeasurementSchedule.Entry> measurementSchedule;
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
    /** Who witnessed it, when staff recorded the acknowledgment for the patient. */
    @Column(name = "acknowledgment_witnessed_by")
    public String acknowledgmentWitnessedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "acknowledgment_method")
    public Attestation.Method acknowledgmentMethod;
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
            throw new ConflictException("Treatment plan " + id + " is " + status.code() + " and can no longer change");
        }
    }

    public void requireActive() {
        if (status != PlanStatus.ACTIVE) {
            throw new ConflictException("Treatment plan " + id + " is not active");
        }
    }

    /** @throws ConflictException where the episode does not allow the move */
    void moveTo(PlanStatus next) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("Treatment plan " + id + " is " + status.code() + " and cannot become "
                    + next.code());
        }
        status = next;
        if (next.isClosed()) {
            // The episode is over: a change that waited for approval will never take effect.
            pendingRevision = null;
        }
    }

    /** The version whose content is in force: the approved one while a revision waits, else the latest. */
    public int versionInForce() {
        return pendingRevision != null ? approvedVersion : planVersion;
    }

    /** The latest version's content: the pending revision, or else the content in force. */
    public PlanContent latest() {
        return pendingRevision != null ? pendingRevision : content();
    }

    /** The content awaiting approval, if any, then the content in force. */
    private List<PlanContent> versionsKept() {
        return pendingRevision == null ? List.of(content()) : List.of(pendingRevision, content());
    }

    /** The content in force (before approval: the draft). */
    public PlanContent content() {
        return new PlanContent(problemContent, weeklyHours, expectedWeeks, preferredSchedule);
    }

    /**
     * A change staff made (an edit, a review's revision): what the assessment found stays as the plan has it
     * ({@link PlanContent#withScreeningsOf}), whatever screening the content sent carries.
     */
    public void changeByStaff(PlanContent next) {
        change(next.withScreeningsOf(versionsKept()));
    }

    /**
     * Makes {@code next} the plan's new version. Before approval the draft itself changes, and awaits the patient's
     * acknowledgment again. An approved plan stays in force as approved: the change waits, as its pending revision,
     * for the patient's acknowledgment and a clinician's approval.
     */
    public void change(PlanContent next) {
        requireOpen();
        PlanContent content = next.normalized();
        planVersion++;
        if (approvedVersion != null) {
            pendingRevision = content;
            return;
        }
        apply(content);
        if (status == PlanStatus.AWAITING_APPROVAL) {
            moveTo(PlanStatus.DRAFT);
        }
    }

    /**
     * The patient acknowledges the version that awaits it: a draft, or an active plan's pending revision. Staff who
     * record it for the patient attest who witnessed it and how.
     */
    public void acknowledge(String by, Instant at, Attestation attestation) {
        if (status == PlanStatus.DRAFT) {
            moveTo(PlanStatus.AWAITING_APPROVAL);
        } else if (status != PlanStatus.ACTIVE || pendingRevision == null || latestAcknowledged()) {
            throw new ConflictException("Version " + planVersion + " of treatment plan " + id
                    + " does not await the patient's acknowledgment");
        }
        acknowledgedBy = by;
        acknowledgedAt = at;
        acknowledgedVersion = planVersion;
        acknowledgmentWitnessedBy = attestation == null ? null : attestation.witnessedBy().strip();
        acknowledgmentMethod = attestation == null ? null : attestation.method();
    }

    /**
     * A clinician's signature on the version the patient acknowledged: it activates a plan, or puts an active plan's
     * revision in force.
     *
     * @return whether it was a revision of an active plan
     */
    public boolean approve(String by, Instant at) {
        boolean revision = status == PlanStatus.ACTIVE && pendingRevision != null;
        if (status == PlanStatus.DRAFT || revision && !latestAcknowledged()) {
            throw new ConflictException("The patient has not acknowledged version " + planVersion + " of the plan");
        }
        if (revision) {
            apply(pendingRevision);
            pendingRevision = null;
        } else if (status == PlanStatus.AWAITING_APPROVAL) {
            moveTo(PlanStatus.ACTIVE);
        } else {
            throw new ConflictException("Treatment plan " + id + " is " + status.code() + " and awaits no approval");
        }
        approvedBy = by;
        approvedAt = revision ? approvedAt : at;
        approvedVersion = planVersion;
        return revision;
    }

    /** Whether the patient acknowledged the latest version. */
    private boolean latestAcknowledged() {
        return Integer.valueOf(planVersion).equals(acknowledgedVersion);
    }

    private void apply(PlanContent content) {
        problemContent = content.problems();
        weeklyHours = content.weeklyHours();
        expectedWeeks = content.expectedWeeks();
        preferredSchedule = content.preferredSchedule();
    }

    /** The problems in force, each objective with the progress recorded toward it. */
    public List<PlanProblem> problems() {
        return withProgress(problemContent);
    }

    /** The pending revision's problems with the progress of the objectives they keep; none when none is pending. */
    public Optional<PlanContent> revision() {
        return Optional.ofNullable(pendingRevision).map(r -> new PlanContent(withProgress(r.problems()),
                r.weeklyHours(), r.expectedWeeks(), r.preferredSchedule()));
    }

    private List<PlanProblem> withProgress(List<PlanProblem> content) {
        return content.stream().map(p -> new PlanProblem(p.id(), p.kind(), p.description(), p.screening(), p.goal(),
                p.objectives().stream().map(o -> o.withStatus(progress.getOrDefault(o.id(),
                        ObjectiveStatus.NOT_STARTED))).toList(),
                p.interventions())).toList();
    }

    public List<Objective> objectives() {
        return problems().stream().flatMap(p -> p.objectives().stream()).toList();
    }

    /**
     * Records an objective's progress: the plan's version moves on, its content does not.
     *
     * @throws InvalidRequestException for an objective neither in force nor in the pending revision
     */
    public void recordProgress(UUID objectiveId, ObjectiveStatus newStatus) {
        boolean known = Stream.concat(problemContent.stream(), Optional.ofNullable(pendingRevision)
                .map(PlanContent::problems).orElse(List.of()).stream())
                .flatMap(p -> p.objectives().stream()).anyMatch(o -> o.id().equals(objectiveId));
        if (!known) {
            throw new InvalidRequestException("objectiveId", "is not an objective of this plan");
        }
        progress.put(objectiveId, newStatus);
    }

    public AftercareNeeds aftercareNeeds() {
        return new AftercareNeeds(List.of(substances), List.of(supportPeople), List.of(medications));
    }
}
