package io.cairn.treatmentplan.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.api.PageOf;
import io.cairn.kit.api.ListWindow;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What the care team records as the plan is worked: progress notes on objectives, reviews (which may revise the plan),
 * the reviews that fall due, and the engagement alerts that flag a plan for one.
 */
@ApplicationScoped
public class PlanReviews {

    private final TreatmentPlans plans;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final ClinicCalendar calendar;

    PlanReviews(TreatmentPlans plans, PatientAccess access, Caller caller, Outbox outbox, ClinicCalendar calendar) {
        this.plans = plans;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    public ProgressNote addProgressNote(UUID id, UUID objectiveId, ObjectiveStatus status, String text) {
        TreatmentPlan plan = plans.find(id);
        plan.requireActive();
        plan.recordProgress(objectiveId, status);
        ProgressNote note = new ProgressNote();
        note.id = UUID.randomUUID();
        note.planId = id;
        note.objectiveId = objectiveId;
        note.status = status;
        note.note = text.strip();
        note.author = caller.name();
        note.writtenAt = Instant.now();
        note.persist();
        access.wrote("create", "progress-note", note.id, plan.patientId);
        return note;
    }

    @Transactional
    public List<ProgressNote> progressNotes(UUID id) {
        TreatmentPlan plan = plans.get(id);
        return ProgressNote.list("planId", Sort.ascending("writtenAt"), plan.id);
    }

    @Transactional
    public PlanReview review(UUID id, LocalDate heldOn, List<PlanReview.ObjectiveProgress> progress, String summary,
            List<PlanProblem> revisedProblems) {
        TreatmentPlan plan = plans.find(id);
        plan.requireActive();
        for (PlanReview.ObjectiveProgress p : progress) {
            plan.recordProgress(p.objectiveId(), p.status());
        }
        PlanReview review = new PlanReview();
        review.id = UUID.randomUUID();
        review.planId = id;
        review.dueOn = plan.nextReviewDue;
        review.heldOn = heldOn;
        review.reviewer = caller.name();
        review.objectiveProgress = List.copyOf(progress);
        review.summary = summary.strip();
        // The clinic's clock, as the measures': a review's period of measures ends when it is recorded.
        review.recordedAt = calendar.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        if (revisedProblems != null) {
            // A revision like any change of an active plan: in force once acknowledged and approved. It changes the
            // problems of the latest version, so a revision already waiting keeps its hours, length and schedule.
            PlanContent latest = plan.latest();
            plan.changeByStaff(new PlanContent(revisedProblems, latest.weeklyHours(), latest.expectedWeeks(),
                    latest.preferredSchedule()));
            plans.versionMade(plan, caller.name(), "Revised at the review of " + heldOn, null);
            review.revisedVersion = plan.planVersion;
        }
        review.persist();
        plan.nextReviewDue = heldOn.plusDays(plan.reviewIntervalDays);
        plan.flaggedForReview = false;
        plan.reviewFlagReason = null;
        outbox.publish(new PlanReviewed(plan.id, plan.patientId, review.id, heldOn, plan.nextReviewDue,
                review.recordedAt));
        access.wrote("review", TreatmentPlans.RESOURCE, id, plan.patientId);
        return review;
    }

    @Transactional
    public List<PlanReview> reviews(UUID id) {
        TreatmentPlan plan = plans.get(id);
        return PlanReview.list("planId", Sort.ascending("heldOn").and("recordedAt"), plan.id);
    }

    /**
     * One window of the active plans whose review is past due, or that engagement alerts flagged, oldest due first.
     * Only the window's plans are read and audited.
     */
    @Transactional
    public PageOf<TreatmentPlan> dueForReview(LocalDate today, ListWindow.Window window) {
        PageOf<TreatmentPlan> due = window.of(TreatmentPlan.find(
                "status = ?1 and (nextReviewDue < ?2 or flaggedForReview = true)",
                Sort.ascending("nextReviewDue").and("id"), PlanStatus.ACTIVE, today));
        access.readAll(RecordCategory.TREATMENT_PLANS, TreatmentPlans.RESOURCE, due.items(), p -> p.id, p -> p.patientId);
        return due;
    }

    /** Missed sessions or hours under the minimum flag the patient's active plan for review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flagForReview(EngagementAlert alert) {
        TreatmentPlan.activeOf(alert.patientId()).ifPresent(plan -> {
            plan.flaggedForReview = true;
            plan.reviewFlagReason = "Engagement alert for " + alert.isoWeek() + ": " + alert.hoursAttended()
                    + " of " + alert.minimumHours() + " hours, " + alert.missedSessions() + " missed sessions";
        });
    }
}
