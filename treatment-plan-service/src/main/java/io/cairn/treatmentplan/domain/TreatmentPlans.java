package io.cairn.treatmentplan.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.PreconditionFailedException;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.treatmentplan.domain.drafting.DraftingRules;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.hibernate.jpa.HibernateHints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The plan itself: read, edited in versions, acknowledged by the patient and approved by a clinician. Admission,
 * reviews, attended hours and endings are their own classes.
 */
@ApplicationScoped
public class TreatmentPlans {

    public static final String RESOURCE = "treatment-plan";

    private final DraftingRules rules;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;

    private final ClinicCalendar calendar;

    TreatmentPlans(DraftingRules rules, PatientAccess access, Caller caller, Outbox outbox, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.rules = rules;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    /**
     * A clinician's edit: a new version. Before approval it is the draft; once approved, a revision that waits for the
     * patient's acknowledgment and a clinician's approval while the approved version stays in force.
     *
     * @param ifMatch the plan's version as its ETag gave it, when sent
     * @param basedOnVersion the content version the edit was made on
     */
    @Transactional
    public TreatmentPlan edit(UUID id, Integer ifMatch, int basedOnVersion, PlanContent content, String changeNote) {
        TreatmentPlan plan = find(id);
        requireCurrent(plan, ifMatch, basedOnVersion);
        requireHoursForPopulation(plan, content.weeklyHours());
        plan.changeByStaff(content);
        versionMade(plan, caller.name(), changeNote, null);
        access.wrote("update", RESOURCE, id, plan.patientId);
        return plan;
    }

    /**
     * The patient acknowledges the version that awaits it; staff who record it for the patient attest who witnessed
     * it and how.
     */
    @Transactional
    public TreatmentPlan acknowledge(UUID id, Integer seenVersion, Attestation attestation) {
        TreatmentPlan plan = get(id);
        if (seenVersion != null && seenVersion != plan.planVersion) {
            throw new ConflictException("The plan is at version " + plan.planVersion + ", not " + seenVersion
                    + ": read it again before acknowledging it");
        }
        boolean patient = caller.ownPatientId().isPresent();
        if (patient && attestation != null) {
            throw new InvalidRequestException("attestation", "is for staff who record the patient's acknowledgment; "
                    + "a patient acknowledges for themselves");
        }
        if (!patient && attestation == null) {
            throw new InvalidRequestException("attestation", "is required when staff record the patient's "
                    + "acknowledgment: who witnessed it, and how (in-person, telehealth or paper)");
        }
        plan.acknowledge(caller.name(), Instant.now(), attestation);
        access.wrote("acknowledge", RESOURCE, id, plan.patientId);
        return plan;
    }

    /** The clinician's signature on the acknowledged version: activates the plan, or puts its revision in force. */
    @Transactional
    public TreatmentPlan approve(UUID id) {
        TreatmentPlan plan = find(id);
        boolean revision = plan.approve(caller.name(), Instant.now());
        if (revision) {
            outbox.publish(new PlanRevised(plan.id, plan.patientId, plan.planVersion, plan.population,
                    plan.weeklyHours, plan.preferredSchedule, plan.expectedWeeks, Instant.now()));
        } else {
            plan.nextReviewDue = calendar.today().plusDays(plan.reviewIntervalDays);
            outbox.publish(new PlanApproved(plan.id, plan.patientId, plan.planVersion, plan.population,
                    plan.weeklyHours, plan.preferredSchedule, plan.expectedWeeks, plan.nextReviewDue, plan.approvedAt));
        }
        access.wrote("approve", RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public TreatmentPlan get(UUID id) {
        TreatmentPlan plan = find(id);
        access.read(RecordCategory.TREATMENT_PLANS, RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public List<TreatmentPlan> ofPatient(UUID patientId, PlanStatus status) {
        List<TreatmentPlan> plans = ofPatientUnread(patientId, status);
        recordRead(plans);
        return plans;
    }

    /**
     * The patient's plans, once the caller may read the patient's plans at all, without recording that any was read:
     * a search records those it answers ({@link #recordRead}).
     */
    @Transactional
    public List<TreatmentPlan> ofPatientUnread(UUID patientId, PlanStatus status) {
        access.search(RecordCategory.TREATMENT_PLANS, patientId);
        PanacheQuery<TreatmentPlan> plans = status == null
                ? TreatmentPlan.find("patientId", Sort.descending("draftedAt"), patientId)
                : TreatmentPlan.find("patientId = ?1 and status = ?2", Sort.descending("draftedAt"), patientId, status);
        // Read-only: the plans are shown, never changed here, so Hibernate keeps no copy of their JSON to compare.
        return plans.withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** Records that the caller read these plans: for an EHR, a disclosure in each patient's accounting. */
    @Transactional
    public void recordRead(List<TreatmentPlan> plans) {
        plans.forEach(p -> access.read(RecordCategory.TREATMENT_PLANS, RESOURCE, p.id, p.patientId));
    }

    /** The plan one of whose problems has this id (a problem keeps its id across versions), if the caller may see it. */
    @Transactional
    public TreatmentPlan withProblem(UUID problemId) {
        List<?> plans = TreatmentPlan.getEntityManager()
                .createNativeQuery("SELECT id FROM treatment_plan WHERE problems @> CAST(?1 AS jsonb)")
                .setParameter(1, "[{\"id\":\"" + problemId + "\"}]").getResultList();
        if (plans.isEmpty()) {
            throw new ResourceNotFoundException("Goal", problemId);
        }
        try {
            return get((UUID) plans.get(0));
        } catch (ResourceNotFoundException hidden) {
            // In the words of a goal that does not exist: naming its plan would tell the caller the plan's id.
            throw new ResourceNotFoundException("Goal", problemId);
        }
    }

    /**
     * Keeps the version a change just made. One that waits, as an active plan's revision, for the patient's
     * acknowledgment and a clinician's approval is proposed to the care team (treatment-plan.plan.revision-proposed).
     *
     * @param assessmentId the re-assessment it was drafted from, if one was
     */
    void versionMade(TreatmentPlan plan, String author, String changeNote, UUID assessmentId) {
        PlanVersion version = PlanVersion.of(plan, author, changeNote);
        version.assessmentId = assessmentId;
        version.persist();
        if (plan.pendingRevision != null) {
            outbox.publish(new PlanRevisionProposed(plan.id, plan.patientId, plan.planVersion, assessmentId,
                    version.createdAt));
        }
    }

    @Transactional
    public List<PlanVersion> versions(UUID id) {
        TreatmentPlan plan = get(id);
        return PlanVersion.list("planId", Sort.ascending("number"), plan.id);
    }

    /**
     * What of other categories the caller may see in the plan ({@link PlanRelease}). For an EHR client each that the
     * plan holds is a disclosure under its own category too: a consent for plans alone releases neither.
     */
    @Transactional
    public PlanRelease releaseOf(TreatmentPlan plan) {
        return releaseOf(plan, plan.content().hasScreenings()
                || plan.revision().map(PlanContent::hasScreenings).orElse(false));
    }

    /** {@link #releaseOf(TreatmentPlan)} for the plan's versions. */
    @Transactional
    public PlanRelease releaseOf(UUID id, List<PlanVersion> versions) {
        TreatmentPlan plan = find(id);
        // A version holds no review flag: nothing of attendance to release.
        return new PlanRelease(versions.stream().anyMatch(version -> version.snapshot.hasScreenings())
                && access.releases(RecordCategory.ASSESSMENTS, RESOURCE, plan.id, plan.patientId), false);
    }

    private PlanRelease releaseOf(TreatmentPlan plan, boolean screenings) {
        return new PlanRelease(
                screenings && access.releases(RecordCategory.ASSESSMENTS, RESOURCE, plan.id, plan.patientId),
                (plan.flaggedForReview || plan.reviewFlagReason != null)
                        && access.releases(RecordCategory.ATTENDANCE, RESOURCE, plan.id, plan.patientId));
    }

    private static void requireCurrent(TreatmentPlan plan, Integer ifMatch, int basedOnVersion) {
        plan.requireOpen();
        if (ifMatch != null && ifMatch != plan.version) {
            throw new PreconditionFailedException("The plan has changed since ETag \"" + ifMatch + "\"; it is now \""
                    + plan.version + "\"");
        }
        if (basedOnVersion != plan.planVersion) {
            throw new ConflictException("The plan was changed since version " + basedOnVersion
                    + "; fetch it again and retry");
        }
    }

    /** IOP hours: at least the population's minimum, at most the IOP maximum (above is partial hospitalization). */
    private void requireHoursForPopulation(TreatmentPlan plan, BigDecimal weeklyHours) {
        BigDecimal minimum = plan.population == Population.ADOLESCENT ? rules.adolescentWeeklyHours()
                : rules.adultWeeklyHours();
        if (weeklyHours.compareTo(minimum) < 0 || weeklyHours.compareTo(rules.maximumWeeklyHours()) > 0) {
            throw new InvalidRequestException("weeklyHours", "must be between " + minimum + " and "
                    + rules.maximumWeeklyHours() + " for an IOP " + plan.population.name().toLowerCase() + " plan");
        }
    }

    /** The plan, for a change the caller audits; no such plan is a 404. */
    public TreatmentPlan find(UUID id) {
        TreatmentPlan plan = TreatmentPlan.findById(id);
        if (plan == null) {
            throw new ResourceNotFoundException("Treatment plan", id);
        }
        return plan;
    }
}
