package io.cairn.treatmentplan.domain;

import io.cairn.kit.api.PageOf;
import io.cairn.kit.api.ListWindow;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.AttendanceRecorded;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.DischargeReason;
import io.cairn.contracts.events.EngagementAlert;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.PlanApproved;
import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.PlanReviewed;
import io.cairn.contracts.events.PlanRevised;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.PreconditionFailedException;
import io.cairn.kit.problem.Problem.Violation;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.treatmentplan.domain.drafting.DraftingRules;
import io.cairn.treatmentplan.domain.drafting.PlanDraft;
import io.cairn.treatmentplan.domain.drafting.PlanDrafter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.UUID;

/** A plan's life: drafted from the assessment, edited in versions, approved, reviewed, and ended. */
@ApplicationScoped
public class TreatmentPlans {

    static final String RESOURCE = "treatment-plan";

    private final PlanDrafter drafter;
    private final DraftingRules rules;
    private final GraduationCriteria criteria;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;

    TreatmentPlans(PlanDrafter drafter, DraftingRules rules, GraduationCriteria criteria, PatientAccess access,
            Caller caller, Outbox outbox) {
        this.drafter = drafter;
        this.rules = rules;
        this.criteria = criteria;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    /**
     * Drafts the plan of a completed IOP assessment; a re-assessment of a patient whose plan is still open drafts a
     * revision of that plan instead. Any other level of care is recorded as not admitted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draftFrom(AssessmentCompleted assessment) {
        // find, not count: Hibernate builds a count query anew on every call, which cost a third of each draft.
        if (TreatmentPlan.find("assessmentId", assessment.assessmentId()).firstResultOptional().isPresent()
                || PlanVersion.find("assessmentId", assessment.assessmentId()).firstResultOptional().isPresent()
                || NotAdmitted.findById(assessment.assessmentId()) != null) {
            return;
        }
        if (assessment.levelOfCare() != LevelOfCare.INTENSIVE_OUTPATIENT) {
            NotAdmitted notAdmitted = new NotAdmitted();
            notAdmitted.assessmentId = assessment.assessmentId();
            notAdmitted.patientId = assessment.patientId();
            notAdmitted.levelOfCare = assessment.levelOfCare();
            notAdmitted.reason = "The assessment decided level of care " + assessment.levelOfCare().name()
                    .toLowerCase().replace('_', ' ') + ", not intensive outpatient (2.1)";
            notAdmitted.recordedAt = Instant.now();
            notAdmitted.persist();
            return;
        }
        PlanDraft draft = drafter.draft(assessment, LocalDate.now(ZoneOffset.UTC));
        PlanContent drafted = new PlanContent(draft.problems(), draft.weeklyHours(), draft.expectedWeeks(),
                assessment.preferredSchedule());
        Optional<TreatmentPlan> open = TreatmentPlan.<TreatmentPlan> find("patientId = ?1 and status in ?2",
                assessment.patientId(), PlanStatus.OPEN).firstResultOptional();
        if (open.isPresent()) {
            revise(open.get(), assessment, drafted);
            return;
        }
        TreatmentPlan plan = new TreatmentPlan();
        plan.id = UUID.randomUUID();
        plan.patientId = assessment.patientId();
        plan.assessmentId = assessment.assessmentId();
        plan.status = PlanStatus.DRAFT;
        plan.population = assessment.population();
        plan.planVersion = 0;
        plan.reviewIntervalDays = draft.reviewIntervalDays();
        plan.change(drafted);
        plan.substances = assessment.substances().toArray(String[]::new);
        plan.supportPeople = assessment.supportPeople().toArray(String[]::new);
        plan.medications = assessment.medications().toArray(String[]::new);
        plan.draftedAt = Instant.now();
        plan.persist();
        PlanVersion.of(plan, Caller.SYSTEM, "Drafted from assessment " + assessment.assessmentId()).persist();
        outbox.publish(new PlanDrafted(plan.id, plan.patientId, plan.assessmentId, plan.draftedAt));
    }

    /**
     * A re-assessment's revision of the open plan: the problems it still finds are kept as the plan has them (their
     * objectives and progress too), those it no longer finds are resolved, new ones are added; the hours and length
     * are the re-assessment's. Like any change it awaits the patient's acknowledgment and a clinician's approval.
     */
    private void revise(TreatmentPlan plan, AssessmentCompleted assessment, PlanContent drafted) {
        PlanContent latest = plan.pendingRevision != null ? plan.pendingRevision : plan.content();
        Set<ProblemKind> found = drafted.problems().stream().map(PlanProblem::kind).collect(Collectors.toSet());
        Set<ProblemKind> had = latest.problems().stream().map(PlanProblem::kind).collect(Collectors.toSet());
        List<PlanProblem> problems = new ArrayList<>(latest.problems().stream()
                .filter(problem -> found.contains(problem.kind())).toList());
        drafted.problems().stream().filter(problem -> !had.contains(problem.kind())).forEach(problems::add);
        plan.change(new PlanContent(problems, drafted.weeklyHours(), drafted.expectedWeeks(),
                drafted.preferredSchedule()));
        PlanVersion version = PlanVersion.of(plan, Caller.SYSTEM, "Revised from re-assessment "
                + assessment.assessmentId() + ": " + changes(had, found));
        version.assessmentId = assessment.assessmentId();
        version.persist();
    }

    private static String changes(Set<ProblemKind> had, Set<ProblemKind> found) {
        List<String> changes = new ArrayList<>();
        found.stream().filter(kind -> !had.contains(kind)).sorted()
                .forEach(kind -> changes.add("added " + kind.name().toLowerCase().replace('_', '-')));
        had.stream().filter(kind -> !found.contains(kind)).sorted()
                .forEach(kind -> changes.add("resolved " + kind.name().toLowerCase().replace('_', '-')));
        return changes.isEmpty() ? "the same problems, the hours and length reassessed" : String.join(", ", changes);
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
        plan.change(content);
        PlanVersion.of(plan, caller.name(), changeNote).persist();
        access.wrote("update", RESOURCE, id, plan.patientId);
        return plan;
    }

    /**
     * The patient acknowledges the version that awaits it; staff who record it for the patient attest who witnessed
     * it and how.
     */
    @Transactional
    public TreatmentPlan acknowledge(UUID id, Attestation attestation) {
        TreatmentPlan plan = get(id);
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
            plan.nextReviewDue = LocalDate.now(ZoneOffset.UTC).plusDays(plan.reviewIntervalDays);
            outbox.publish(new PlanApproved(plan.id, plan.patientId, plan.planVersion, plan.population,
                    plan.weeklyHours, plan.preferredSchedule, plan.expectedWeeks, plan.nextReviewDue, plan.approvedAt));
        }
        access.wrote("approve", RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public ProgressNote addProgressNote(UUID id, UUID objectiveId, ObjectiveStatus status, String text) {
        TreatmentPlan plan = find(id);
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
        TreatmentPlan plan = get(id);
        return ProgressNote.list("planId", Sort.ascending("writtenAt"), plan.id);
    }

    @Transactional
    public PlanReview review(UUID id, LocalDate heldOn, List<PlanReview.ObjectiveProgress> progress, String summary,
            List<PlanProblem> revisedProblems) {
        TreatmentPlan plan = find(id);
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
        review.recordedAt = Instant.now();
        if (revisedProblems != null) {
            // A revision like any change of an active plan: in force once acknowledged and approved.
            plan.change(new PlanContent(revisedProblems, plan.weeklyHours, plan.expectedWeeks,
                    plan.preferredSchedule));
            PlanVersion.of(plan, caller.name(), "Revised at the review of " + heldOn).persist();
            review.revisedVersion = plan.planVersion;
        }
        review.persist();
        plan.nextReviewDue = heldOn.plusDays(plan.reviewIntervalDays);
        plan.flaggedForReview = false;
        plan.reviewFlagReason = null;
        outbox.publish(new PlanReviewed(plan.id, plan.patientId, review.id, heldOn, plan.nextReviewDue,
                review.recordedAt));
        access.wrote("review", RESOURCE, id, plan.patientId);
        return review;
    }

    @Transactional
    public List<PlanReview> reviews(UUID id) {
        TreatmentPlan plan = get(id);
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
        access.readAll(RecordCategory.TREATMENT_PLANS, RESOURCE, due.items(), p -> p.id, p -> p.patientId);
        return due;
    }

    @Transactional
    public TreatmentPlan graduate(UUID id, LocalDate dischargedOn, String overrideReason) {
        TreatmentPlan plan = find(id);
        plan.requireActive();
        if (dischargedOn.isBefore(LocalDate.ofInstant(plan.approvedAt, ZoneOffset.UTC))) {
            throw new InvalidRequestException("dischargedOn", "must not be before the plan was approved");
        }
        List<Violation> unmet = unmetCriteria(plan, dischargedOn);
        if (!unmet.isEmpty() && (overrideReason == null || overrideReason.isBlank())) {
            throw new ConflictException("The graduation criteria are not met; a clinician may override with a reason",
                    unmet);
        }
        plan.moveTo(PlanStatus.GRADUATED);
        plan.endedOn = dischargedOn;
        plan.endedAt = Instant.now();
        plan.endNote = unmet.isEmpty() ? null : "Graduated despite unmet criteria: " + overrideReason.strip();
        outbox.publish(new PatientGraduated(plan.id, plan.patientId, dischargedOn, plan.aftercareNeeds(),
                plan.endedAt));
        access.wrote("graduate", RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public TreatmentPlan discharge(UUID id, DischargeReason reason, LocalDate dischargedOn, String note) {
        TreatmentPlan plan = find(id);
        plan.moveTo(PlanStatus.DISCHARGED);
        plan.dischargeReason = reason;
        plan.endedOn = dischargedOn;
        plan.endedAt = Instant.now();
        plan.endNote = note;
        outbox.publish(new PatientDischarged(plan.id, plan.patientId, reason, dischargedOn, plan.aftercareNeeds(),
                plan.endedAt));
        access.wrote("discharge", RESOURCE, id, plan.patientId);
        return plan;
    }

    /** Keeps one attendance; a correction of the same attendance replaces it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAttendance(AttendanceRecorded attended) {
        AttendanceRecord record = AttendanceRecord.findById(attended.attendanceId());
        if (record == null) {
            record = new AttendanceRecord();
            record.attendanceId = attended.attendanceId();
        }
        record.patientId = attended.patientId();
        record.sessionId = attended.sessionId();
        record.sessionDate = attended.sessionDate();
        record.isoWeek = isoWeek(attended.sessionDate());
        record.status = attended.status();
        record.minutesAttended = attended.minutesAttended();
        record.recordedAt = attended.recordedAt();
        record.persist();
    }

    /** Missed sessions or hours under the minimum flag the patient's active plan for review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flagForReview(EngagementAlert alert) {
        TreatmentPlan.<TreatmentPlan> find("patientId = ?1 and status = ?2", alert.patientId(), PlanStatus.ACTIVE)
                .firstResultOptional().ifPresent(plan -> {
                    plan.flaggedForReview = true;
                    plan.reviewFlagReason = "Engagement alert for " + alert.isoWeek() + ": " + alert.hoursAttended()
                            + " of " + alert.minimumHours() + " hours, " + alert.missedSessions() + " missed sessions";
                });
    }

    @Transactional
    public List<WeeklyHours> weeklyHours(UUID id) {
        TreatmentPlan plan = get(id);
        Map<String, long[]> byWeek = new TreeMap<>();
        for (AttendanceRecord record : attendanceSinceApproval(plan)) {
            long[] week = byWeek.computeIfAbsent(record.isoWeek, w -> new long[2]);
            week[0] += record.minutesAttended;
            week[1] += record.minutesAttended > 0 ? 1 : 0;
        }
        List<WeeklyHours> weeks = new ArrayList<>();
        byWeek.forEach((week, totals) -> {
            BigDecimal hours = hours(totals[0]);
            weeks.add(new WeeklyHours(week, hours, totals[1], plan.weeklyHours,
                    hours.compareTo(plan.weeklyHours) >= 0));
        });
        return weeks;
    }

    @Transactional
    public TreatmentPlan get(UUID id) {
        TreatmentPlan plan = find(id);
        access.read(RecordCategory.TREATMENT_PLANS, RESOURCE, id, plan.patientId);
        return plan;
    }

    @Transactional
    public List<TreatmentPlan> ofPatient(UUID patientId, PlanStatus status) {
        access.read(RecordCategory.TREATMENT_PLANS, "patient", patientId, patientId);
        List<TreatmentPlan> plans = status == null
                ? TreatmentPlan.list("patientId", Sort.descending("draftedAt"), patientId)
                : TreatmentPlan.list("patientId = ?1 and status = ?2", Sort.descending("draftedAt"), patientId, status);
        plans.forEach(p -> access.read(RecordCategory.TREATMENT_PLANS, RESOURCE, p.id, patientId));
        return plans;
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
        return get((UUID) plans.get(0));
    }

    @Transactional
    public List<PlanVersion> versions(UUID id) {
        TreatmentPlan plan = get(id);
        return PlanVersion.list("planId", Sort.ascending("number"), plan.id);
    }

    @Transactional
    public List<NotAdmitted> notAdmitted(UUID patientId) {
        access.read(RecordCategory.TREATMENT_PLANS, "patient", patientId, patientId);
        return NotAdmitted.list("patientId", Sort.ascending("recordedAt"), patientId);
    }

    List<Violation> unmetCriteria(TreatmentPlan plan, LocalDate dischargedOn) {
        List<Violation> unmet = new ArrayList<>();
        LocalDate approvedOn = LocalDate.ofInstant(plan.approvedAt, ZoneOffset.UTC);
        long weeks = ChronoUnit.WEEKS.between(approvedOn, dischargedOn);
        if (weeks < criteria.minimumWeeks()) {
            unmet.add(new Violation("minimumWeeks", weeks + " of " + criteria.minimumWeeks()
                    + " weeks in the program"));
        }
        BigDecimal attended = hours(attendanceSinceApproval(plan).stream().mapToLong(r -> r.minutesAttended).sum());
        BigDecimal needed = plan.weeklyHours.multiply(BigDecimal.valueOf(Math.max(weeks, 1)))
                .multiply(BigDecimal.valueOf(criteria.minimumHoursShare())).setScale(1, RoundingMode.HALF_UP);
        if (attended.compareTo(needed) < 0) {
            unmet.add(new Violation("minimumHoursShare", attended + " hours attended, " + needed + " needed ("
                    + Math.round(criteria.minimumHoursShare() * 100) + "% of the weekly target)"));
        }
        List<Objective> counted = plan.objectives().stream().filter(o -> o.status() != ObjectiveStatus.REVISED)
                .toList();
        long met = counted.stream().filter(o -> o.status() == ObjectiveStatus.MET).count();
        if (counted.isEmpty() || met < Math.ceil(counted.size() * criteria.minimumObjectivesMetShare())) {
            unmet.add(new Violation("minimumObjectivesMetShare", met + " of " + counted.size() + " objectives met ("
                    + Math.round(criteria.minimumObjectivesMetShare() * 100) + "% needed)"));
        }
        return unmet;
    }

    private static List<AttendanceRecord> attendanceSinceApproval(TreatmentPlan plan) {
        if (plan.approvedAt == null) {
            return List.of();
        }
        LocalDate from = LocalDate.ofInstant(plan.approvedAt, ZoneOffset.UTC);
        if (plan.endedOn == null) {
            return AttendanceRecord.list("patientId = ?1 and sessionDate >= ?2 and status <> ?3", plan.patientId, from,
                    AttendanceStatus.ABSENT);
        }
        return AttendanceRecord.list("patientId = ?1 and sessionDate between ?2 and ?3 and status <> ?4",
                plan.patientId, from, plan.endedOn, AttendanceStatus.ABSENT);
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

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private TreatmentPlan find(UUID id) {
        TreatmentPlan plan = TreatmentPlan.findById(id);
        if (plan == null) {
            throw new ResourceNotFoundException("Treatment plan", id);
        }
        return plan;
    }
}
