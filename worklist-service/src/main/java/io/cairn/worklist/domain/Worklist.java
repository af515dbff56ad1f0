package io.cairn.worklist.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.AftercareReferralCreated;
import io.cairn.contracts.events.CheckInRecorded;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.MeasureWorsened;
import io.cairn.contracts.events.EngagementRisk;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PlanRevisionProposed;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.ReferralReceived;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.JsonNames;
import io.cairn.kit.security.Caller;
import io.cairn.worklist.notify.OnCallPager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opens and closes tasks as the other services' events say what happened. Each method is one event's effect, in the
 * inbox's transaction. A task says what needs doing and where, never what the record holds.
 */
@ApplicationScoped
public class Worklist {

    /** The work an ended episode leaves with nothing to do. */
    static final Set<TaskKind> ENDED_WITH_THE_EPISODE = EnumSet.of(TaskKind.PLAN_APPROVAL, TaskKind.PLAN_REVIEW,
            TaskKind.ENGAGEMENT, TaskKind.MEASURE_WORSENED);

    private final WorklistRules rules;
    private final OnCallPager pager;
    private final Clock clock;
    private final EntityManager entities;

    private final ClinicCalendar calendar;

    Worklist(WorklistRules rules, OnCallPager pager, Clock clock, EntityManager entities, ClinicCalendar calendar) {
        this.calendar = calendar;
        this.entities = entities;
        this.rules = rules;
        this.pager = pager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void safetyAlertRaised(SafetyAlertRaised alert) {
        // Due from when the finding was saved, not from when the worklist heard of it.
        Instant raised = alert.raisedAt();
        String title = "Safety alert: " + alert.screener() + " item " + alert.item() + " ("
                + JsonNames.of(alert.finding()).replace('-', ' ') + ") at " + switch (alert.source()) {
                    case ASSESSMENT -> "an assessment";
                    case RE_SCREEN -> "a re-screen";
                    case CHECK_IN -> "a check-in";
                };
        String about = switch (alert.source()) {
            case ASSESSMENT -> ApiPaths.V1 + "/assessments/" + alert.sourceId();
            case RE_SCREEN -> ApiPaths.V1 + "/patients/" + alert.patientId() + "/measures";
            case CHECK_IN -> ApiPaths.V1 + "/aftercare-referrals?patientId=" + alert.patientId();
        };
        open(CareTask.open(TaskKind.SAFETY_ALERT, TaskPriority.URGENT, alert.patientId(), Roles.CLINICIAN, title,
                "safety-alert:" + alert.alertId(), about, raised, raised, raised));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void planDrafted(PlanDrafted plan) {
        Instant now = clock.instant();
        open(CareTask.open(TaskKind.PLAN_APPROVAL, TaskPriority.HIGH, plan.patientId(), Roles.CLINICIAN,
                "Treatment plan awaiting approval", planKey(plan.planId()), planPath(plan.planId()), now,
                plan.draftedAt().plus(rules.planApprovalWithin()), now));
    }

    /**
     * A change of an active plan waits for the patient's acknowledgment and a clinician's approval: a clinician sees
     * it through. A newer revision replaces the task of the one it supersedes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planRevisionProposed(PlanRevisionProposed revision) {
        Instant now = clock.instant();
        resolve(planKey(revision.planId()), EnumSet.of(TaskKind.PLAN_APPROVAL));
        open(CareTask.open(TaskKind.PLAN_APPROVAL, TaskPriority.HIGH, revision.patientId(), Roles.CLINICIAN,
                "Treatment plan revision awaiting the patient's acknowledgment and approval",
                planKey(revision.planId()), planPath(revision.planId()), now,
                revision.proposedAt().plus(rules.planApprovalWithin()), now));
    }

    /** The revision is in force: its approval task is done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planRevised(PlanRevised revised) {
        resolve(planKey(revised.planId()), EnumSet.of(TaskKind.PLAN_APPROVAL));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void planApproved(PlanApproved plan) {
        resolve(planKey(plan.planId()), EnumSet.of(TaskKind.PLAN_APPROVAL));
        LocalDate due = plan.nextReviewDue() != null ? plan.nextReviewDue()
                : calendar.dateOf(plan.approvedAt()).plusDays(30);
        openReview(plan.planId(), plan.patientId(), due);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void planReviewed(PlanReviewed review) {
        resolve(planKey(review.planId()), EnumSet.of(TaskKind.PLAN_REVIEW));
        // An engagement alert or a worse re-screen asks for a look at the plan; the review was that look.
        resolveForPatient(review.patientId(), EnumSet.of(TaskKind.ENGAGEMENT, TaskKind.MEASURE_WORSENED));
        openReview(review.planId(), review.patientId(), review.nextReviewDue());
    }

    /** Graduation or discharge: the plan's open work ends with the episode, and is remembered to have ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void episodeEnded(UUID patientId, LocalDate endedOn) {
        resolveForPatient(patientId, ENDED_WITH_THE_EPISODE);
        entities.createNativeQuery("INSERT INTO episode_end (patient_id, ended_on) VALUES (?1, ?2) ON CONFLICT "
                + "(patient_id) DO UPDATE SET ended_on = greatest(episode_end.ended_on, excluded.ended_on)")
                .setParameter(1, patientId).setParameter(2, endedOn).executeUpdate();
    }

    /**
     * One open engagement task per patient: later alerts before anyone acts add nothing to do. An alert about a week
     * the patient's episode ended in or before (read after the graduation, from another topic) adds nothing either.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void engagementAlert(EngagementAlert alert) {
        if (aboutAnEndedEpisode(alert)) {
            return;
        }
        if (CareTask.count("patientId = ?1 and kind = ?2 and status in ?3", alert.patientId(), TaskKind.ENGAGEMENT,
                TaskStatus.stillOpen()) > 0) {
            return;
        }
        Instant now = clock.instant();
        String why = alert.risk() == EngagementRisk.MISSED_SESSIONS ? "missed sessions" : "under the weekly hours";
        open(CareTask.open(TaskKind.ENGAGEMENT, TaskPriority.HIGH, alert.patientId(), Roles.CLINICIAN,
                "Engagement: " + why + " in " + alert.isoWeek(), "engagement:" + alert.patientId(),
                ApiPaths.V1 + "/patients/" + alert.patientId() + "/hours", now, now.plus(rules.engagementWithin()),
                now));
    }

    /**
     * A re-screen reliably worse than its series began: one open task per patient and instrument, none for a re-screen
     * taken on or before the day the episode ended (one that raced the discharge). The title names the instrument, not
     * the scores: those are the record's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void measureWorsened(MeasureWorsened worse) {
        String subject = "measure:" + worse.patientId() + ":" + worse.instrument();
        if (CareTask.count("subject = ?1 and kind = ?2 and status in ?3", subject, TaskKind.MEASURE_WORSENED,
                TaskStatus.stillOpen()) > 0 || endedOnOrAfter(worse.patientId(), calendar.dateOf(worse.takenAt()))) {
            return;
        }
        Instant now = clock.instant();
        open(CareTask.open(TaskKind.MEASURE_WORSENED, TaskPriority.HIGH, worse.patientId(), Roles.CLINICIAN,
                worse.instrument() + " re-screen reliably worse since the program began", subject,
                ApiPaths.V1 + "/patients/" + worse.patientId() + "/measures", now,
                now.plus(rules.measureWorsenedWithin()), now));
    }

    private boolean aboutAnEndedEpisode(EngagementAlert alert) {
        return endedOnOrAfter(alert.patientId(), LocalDate.parse(alert.isoWeek() + "-1", DateTimeFormatter.ISO_WEEK_DATE));
    }

    /** Whether an episode of the patient ended on or after the day. */
    private boolean endedOnOrAfter(UUID patientId, LocalDate day) {
        return !entities.createNativeQuery("SELECT 1 FROM episode_end WHERE patient_id = ?1 AND ended_on >= ?2")
                .setParameter(1, patientId).setParameter(2, day).getResultList().isEmpty();
    }

    /** A task per scheduled check-in, on the list from a week before it is due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aftercareReferralCreated(AftercareReferralCreated referral) {
        Instant now = clock.instant();
        String about = ApiPaths.V1 + "/aftercare-referrals/" + referral.aftercareReferralId() + "/check-ins";
        Instant firstDay = startOf(referral.dischargedOn().plusDays(1));
        if (referral.outreach() && referral.firstContactDueBy() != null) {
            open(CareTask.open(TaskKind.CHECK_IN_DUE, TaskPriority.HIGH, referral.patientId(), Roles.CASE_MANAGER,
                    "Outreach after a discharge against advice: first contact due",
                    checkInKey(referral.aftercareReferralId(), 3), about, now, referral.firstContactDueBy(), now));
        }
        for (int days : referral.checkInDays()) {
            LocalDate dueOn = referral.dischargedOn().plusDays(days);
            Instant due = endOf(dueOn);
            Instant opens = startOf(dueOn.minusDays(rules.checkInNotice().toDays()));
            open(CareTask.open(TaskKind.CHECK_IN_DUE, TaskPriority.ROUTINE, referral.patientId(), Roles.CASE_MANAGER,
                    days + "-day aftercare check-in due", checkInKey(referral.aftercareReferralId(), days), about,
                    opens.isBefore(firstDay) ? firstDay : opens, due, now));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void checkInRecorded(CheckInRecorded checkIn) {
        resolve(checkInKey(checkIn.aftercareReferralId(), checkIn.milestoneDays()), EnumSet.of(TaskKind.CHECK_IN_DUE));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void referralReceived(ReferralReceived referral) {
        if (!referral.urgent()) {
            return;
        }
        Instant received = referral.receivedAt();
        String title = referral.readmissionOf() != null ? "Urgent readmission referral" : "Urgent referral";
        open(CareTask.open(TaskKind.URGENT_REFERRAL, TaskPriority.URGENT, referral.patientId(),
                Roles.INTAKE_COORDINATOR, title, "referral:" + referral.referralId(),
                ApiPaths.V1 + "/referrals/" + referral.referralId(), received,
                received.plus(rules.urgentReferralWithin()), received));
    }

    private void openReview(UUID planId, UUID patientId, LocalDate due) {
        Instant now = clock.instant();
        Instant dueAt = endOf(due);
        Instant opens = startOf(due.minusDays(rules.reviewNotice().toDays()));
        open(CareTask.open(TaskKind.PLAN_REVIEW, TaskPriority.ROUTINE, patientId, Roles.CLINICIAN,
                "Treatment plan review due", planKey(planId), planPath(planId), opens.isBefore(now) ? now : opens,
                dueAt, now));
    }

    private void open(CareTask task) {
        task.persist();
        if (task.priority == TaskPriority.URGENT && !task.createdAt.isBefore(clock.instant().minus(rules.pageWithin()))) {
            pager.page(task, "An urgent task waits");
        }
    }

    private void resolve(String subject, Set<TaskKind> kinds) {
        close(CareTask.list("subject = ?1 and kind in ?2 and status in ?3", subject, kinds, TaskStatus.stillOpen()));
    }

    private void resolveForPatient(UUID patientId, Set<TaskKind> kinds) {
        close(CareTask.list("patientId = ?1 and kind in ?2 and status in ?3", patientId, kinds, TaskStatus.stillOpen()));
    }

    private void close(List<CareTask> tasks) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        tasks.forEach(task -> task.resolve(Caller.SYSTEM, now));
    }

    private Instant startOf(LocalDate day) {
        return calendar.startOf(day);
    }

    /** Work due on a day is due by the end of that day, in the clinic's zone. */
    private Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    private static String planKey(UUID planId) {
        return "plan:" + planId;
    }

    private static String planPath(UUID planId) {
        return ApiPaths.V1 + "/treatment-plans/" + planId;
    }

    private static String checkInKey(UUID referralId, int days) {
        return "check-in:" + referralId + ":" + days;
    }
}
