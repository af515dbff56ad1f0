package io.cairn.treatmentplan.domain;

import io.cairn.kit.api.ClinicCalendar;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.PlanDrafted;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.treatmentplan.domain.drafting.PlanDraft;
import io.cairn.treatmentplan.domain.drafting.PlanDrafter;
import io.cairn.treatmentplan.domain.measures.Measures;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * Admission: the plan drafted from a completed IOP assessment, or, for a patient whose plan is open, the revision a
 * re-assessment drafts; any other level of care is recorded as not admitted.
 */
@ApplicationScoped
public class Admissions {

    private final TreatmentPlans plans;
    private final PlanDrafter drafter;
    private final PatientAccess access;
    private final Outbox outbox;
    private final Measures measures;

    private final ClinicCalendar calendar;

    Admissions(TreatmentPlans plans, PlanDrafter drafter, PatientAccess access, Outbox outbox, Measures measures,
            ClinicCalendar calendar) {
        this.plans = plans;
        this.measures = measures;
        this.calendar = calendar;
        this.drafter = drafter;
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * Drafts the plan of a completed IOP assessment; a re-assessment of a patient whose plan is still open drafts a
     * revision of that plan instead. Any other level of care is recorded as not admitted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draftFrom(AssessmentCompleted assessment) {
        if (decidedBefore(assessment.assessmentId())) {
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
        PlanDraft draft = drafter.draft(assessment, calendar.today());
        PlanContent drafted = new PlanContent(draft.problems(), draft.weeklyHours(), draft.expectedWeeks(),
                assessment.preferredSchedule());
        Optional<TreatmentPlan> open = TreatmentPlan.openOf(assessment.patientId()).firstResultOptional();
        if (open.isPresent()) {
            revise(open.get(), assessment, drafted);
            measures.fromAssessment(open.get(), assessment);
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
        measures.fromAssessment(plan, assessment);
        plans.versionMade(plan, Caller.SYSTEM, "Drafted from assessment " + assessment.assessmentId(), null);
        outbox.publish(new PlanDrafted(plan.id, plan.patientId, plan.assessmentId, plan.draftedAt));
    }

    /**
     * Whether a plan, a revision or a not-admitted record was already made from this assessment (an event replayed under
     * a new id): one statement where three queries each cost a round trip and a flush.
     */
    private static boolean decidedBefore(UUID assessmentId) {
        // No result class: Hibernate 7.2 keys a native query's plan on it without matching it again, so each call
        // would add a plan under one hash and search all the others (a tenth of the consumer's CPU at 25/s).
        return (Boolean) TreatmentPlan.getEntityManager().createNativeQuery(DECIDED_BEFORE)
                .setParameter(1, assessmentId).getSingleResult();
    }

    private static final String DECIDED_BEFORE = """
            SELECT EXISTS (SELECT 1 FROM treatment_plan WHERE assessment_id = ?1)
                OR EXISTS (SELECT 1 FROM plan_version WHERE assessment_id = ?1)
                OR EXISTS (SELECT 1 FROM not_admitted WHERE assessment_id = ?1)
            """;

    /**
     * A re-assessment's revision of the open plan: the problems it still finds are kept as the plan has them (their
     * objectives and progress too), those it no longer finds are resolved, new ones are added; the hours and length
     * are the re-assessment's. Like any change it awaits the patient's acknowledgment and a clinician's approval.
     */
    private void revise(TreatmentPlan plan, AssessmentCompleted assessment, PlanContent drafted) {
        PlanContent latest = plan.latest();
        Map<ProblemKind, PlanProblem> found = drafted.problems().stream()
                .collect(Collectors.toMap(PlanProblem::kind, problem -> problem, (first, second) -> first));
        Set<ProblemKind> had = latest.problems().stream().map(PlanProblem::kind).collect(Collectors.toSet());
        // A problem kept says what the re-assessment found, not the assessment before it.
        List<PlanProblem> problems = new ArrayList<>(latest.problems().stream()
                .filter(problem -> found.containsKey(problem.kind()))
                .map(problem -> problem.withScreening(found.get(problem.kind()).screening())).toList());
        drafted.problems().stream().filter(problem -> !had.contains(problem.kind())).forEach(problems::add);
        plan.change(new PlanContent(problems, drafted.weeklyHours(), drafted.expectedWeeks(),
                drafted.preferredSchedule()));
        plans.versionMade(plan, Caller.SYSTEM, "Revised from re-assessment " + assessment.assessmentId() + ": "
                + changes(had, found.keySet()), assessment.assessmentId());
    }

    private static String changes(Set<ProblemKind> had, Set<ProblemKind> found) {
        List<String> changes = new ArrayList<>();
        found.stream().filter(kind -> !had.contains(kind)).sorted()
                .forEach(kind -> changes.add("added " + kind.name().toLowerCase().replace('_', '-')));
        had.stream().filter(kind -> !found.contains(kind)).sorted()
                .forEach(kind -> changes.add("resolved " + kind.name().toLowerCase().replace('_', '-')));
        return changes.isEmpty() ? "the same problems, the hours and length reassessed" : String.join(", ", changes);
    }

    @Transactional
    public List<NotAdmitted> notAdmitted(UUID patientId) {
        access.read(RecordCategory.TREATMENT_PLANS, "patient", patientId, patientId);
        return NotAdmitted.list("patientId", Sort.ascending("recordedAt"), patientId);
    }
}
