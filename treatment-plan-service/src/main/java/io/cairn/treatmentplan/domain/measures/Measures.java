package io.cairn.treatmentplan.domain.measures;

import io.cairn.contracts.EventType;
import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.MeasureAtEnd;
import io.cairn.contracts.events.MeasureWorsened;
import io.cairn.contracts.events.ReScreensDone;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.contracts.events.SafetyAlertRaised;
import io.cairn.contracts.events.SafetyAlertSource;
import io.cairn.contracts.events.SafetyFinding;
import io.cairn.contracts.events.ScreenerResult;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.cairn.screeners.ScreenerScore;
import io.cairn.treatmentplan.domain.PlanReview;
import io.cairn.treatmentplan.domain.PlanStatus;
import io.cairn.treatmentplan.domain.TreatmentPlan;
import io.cairn.treatmentplan.domain.TreatmentPlans;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Measurement-based care: the screeners a patient's plan re-screens, kept as a series per instrument from the
 * assessment's baseline on. A patient answers their own re-screens; a clinician may record one given in session.
 */
@ApplicationScoped
public class Measures {

    /** What a patient answers about themselves; the C-SSRS is asked by a clinician at assessment. */
    static final Set<ScreenerCode> RE_SCREENED = Set.of(ScreenerCode.PHQ_9, ScreenerCode.GAD_7, ScreenerCode.AUDIT,
            ScreenerCode.DAST_10);

    private final ScreenerCatalogue screeners;
    private final MeasurementSchedule schedules;
    private final ClinicCalendar calendar;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;

    Measures(ScreenerCatalogue screeners, MeasurementSchedule schedules, ClinicCalendar calendar, PatientAccess access,
            Caller caller, Outbox outbox) {
        this.screeners = screeners;
        this.schedules = schedules;
        this.calendar = calendar;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    /**
     * Keeps what an assessment's screeners found as measures of the plan it drafted or revised, for the instruments the
     * program re-screens: each series' start; and the sex they were scored for, for the re-screens.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromAssessment(TreatmentPlan plan, AssessmentCompleted assessment) {
        ScreeningSex.assessed(plan.patientId, assessment.screeningSex(), assessment.completedAt());
        // A re-assessment of a plan in force may give what was due: a waiting reminder is then done with too.
        boolean anyDue = plan.status == PlanStatus.ACTIVE && plan.approvedAt != null && anyDue(plan);
        for (ScreenerResult result : assessment.screenerResults()) {
            if (ScreenerCode.ofLabel(result.screener()).filter(RE_SCREENED::contains).isEmpty()) {
                continue; // The C-SSRS is the assessment's own safety screen, not a series the program follows.
            }
            Measure measure = taken(plan, result.screener(), result.score(), result.band(), result.safetyAlert(),
                    result.findings(), Measure.FROM_ASSESSMENT, assessment.completedAt(), Caller.SYSTEM);
            measure.assessmentId = assessment.assessmentId();
            measure.persist();
        }
        if (anyDue && !anyDue(plan)) {
            outbox.publish(new ReScreensDone(plan.id, plan.patientId, calendar.now()));
        }
    }

    /** A re-screen the plan's schedule asks for, on or before today. */
    public record Due(ScreenerCode instrument, LocalDate dueOn, int everyDays, LocalDate lastTakenOn) {
    }

    /**
     * The re-screens due today or overdue under the patient's active plan, each once: the first is due a week (or four)
     * after the assessment's baseline, or at approval when the assessment did not include it.
     */
    @Transactional
    public List<Due> due(UUID patientId) {
        access.search(RecordCategory.ASSESSMENTS, patientId);
        Optional<TreatmentPlan> active = TreatmentPlan.activeOf(patientId);
        if (active.isEmpty()) {
            return List.of();
        }
        TreatmentPlan plan = active.get();
        // The schedule is the plan's (its problems, its approval), the dates the measures': both are read.
        access.read(RecordCategory.TREATMENT_PLANS, TreatmentPlans.RESOURCE, plan.id, patientId);
        // The plan's measures, newest first, read once: the first of each instrument is its last taken.
        List<Measure> newestFirst = Measure.ofPlanNewestFirst(plan.id);
        List<Due> due = dueUnder(plan, newestFirst, calendar.today());
        List<Measure> lastTaken = due.stream().flatMap(d -> lastOf(newestFirst, d.instrument()).stream()).toList();
        access.readAll(RecordCategory.ASSESSMENTS, "measure", lastTaken, measure -> measure.id,
                measure -> measure.patientId);
        return due;
    }

    /** The re-screens the plan's schedule asks for on or before {@code today}, from its measures newest first. */
    List<Due> dueUnder(TreatmentPlan plan, List<Measure> newestFirst, LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (MeasurementSchedule.Entry entry : schedules.of(plan)) {
            Optional<Measure> last = lastOf(newestFirst, entry.instrument());
            LocalDate dueOn = last.map(measure -> measure.takenOn.plusDays(entry.everyDays()))
                    .orElseGet(() -> calendar.dateOf(plan.approvedAt));
            if (!dueOn.isAfter(today)) {
                due.add(new Due(entry.instrument(), dueOn, entry.everyDays(), last.map(m -> m.takenOn).orElse(null)));
            }
        }
        return due;
    }

    private static Optional<Measure> lastOf(List<Measure> newestFirst, ScreenerCode instrument) {
        return newestFirst.stream().filter(measure -> measure.instrument.equals(instrument.label())).findFirst();
    }

    /**
     * Where the plan's PHQ-9 and GAD-7 series stand: each one's first score and its last, for those re-screened at least
     * once (a single score tells no change), for the episode's end
     * ({@code measuresAtEnd} of the graduation or discharge), so that aftercare's outcomes can tell the change.
     */
    public List<MeasureAtEnd> atEnd(TreatmentPlan plan) {
        List<Measure> oldestFirst = Measure.ofPlanOldestFirst(plan.id);
        List<MeasureAtEnd> atEnd = new ArrayList<>();
        for (ScreenerCode instrument : List.of(ScreenerCode.PHQ_9, ScreenerCode.GAD_7)) {
            List<Measure> series = oldestFirst.stream().filter(m -> m.instrument.equals(instrument.label())).toList();
            if (series.size() > 1) { // a single score tells no change
                atEnd.add(new MeasureAtEnd(instrument.label(), series.get(0).score,
                        series.get(series.size() - 1).score));
            }
        }
        return atEnd;
    }

    /**
     * The plan's measures in each review's period: since the review recorded before it (for the first, since the
     * program began, the assessment's baseline included) up to its own, oldest first, for each of {@code reviews}.
     * Empty for each when the caller may not read the patient's assessments (an EHR client without that consent);
     * otherwise each measure returned is audited, and for an EHR client disclosed.
     */
    @Transactional
    public List<Optional<List<Measure>>> sinceEachReview(UUID planId, List<PlanReview> reviews) {
        TreatmentPlan plan = TreatmentPlan.findById(planId);
        if (reviews.isEmpty() || plan == null || !access.mayRead(plan.patientId, RecordCategory.ASSESSMENTS)) {
            return reviews.stream().map(review -> Optional.<List<Measure>> empty()).toList();
        }
        // The reviews in the order the plan lists them: each one's period starts where the one before it ended.
        List<PlanReview> listed = PlanReview.list("planId", Sort.ascending("heldOn", "recordedAt", "id"), plan.id);
        List<UUID> listedIds = listed.stream().map(r -> r.id).toList();
        Instant last = reviews.stream().map(r -> r.recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        // A baseline's measures share the assessment's time: the instrument orders them.
        List<Measure> taken = Measure.list("planId = ?1 and takenAt <= ?2",
                Sort.ascending("takenAt", "instrument", "id"), plan.id, last);
        List<Optional<List<Measure>>> periods = new ArrayList<>();
        Set<Measure> shown = new LinkedHashSet<>();
        for (PlanReview review : reviews) {
            int at = listedIds.indexOf(review.id);
            Optional<Instant> previous = at > 0 ? Optional.of(listed.get(at - 1).recordedAt) : Optional.empty();
            List<Measure> period = taken.stream().filter(m -> !m.takenAt.isAfter(review.recordedAt)
                    && previous.map(m.takenAt::isAfter).orElse(true)).toList();
            shown.addAll(period);
            periods.add(Optional.of(period));
        }
        access.readAll(RecordCategory.ASSESSMENTS, "measure", List.copyOf(shown), measure -> measure.id,
                measure -> measure.patientId);
        return periods;
    }

    /**
     * Scores and keeps a re-screen under the patient's active plan: the patient's own, or one a clinician gave in
     * session. A safety finding raises a safety alert, and a score reliably worse than the series' first tells the
     * care team ({@code treatment-plan.measure.worsened}), both with the re-screen, in its transaction; the last one due
     * tells intake that a waiting reminder is done with ({@code treatment-plan.re-screens.done}).
     *
     * @throws InvalidRequestException for an instrument not re-screened or answers it cannot score (nothing is kept)
     * @throws ConflictException when the patient has no active plan
     */
    @Transactional
    public Measure record(UUID patientId, ScreenerCode instrument, Map<Integer, Integer> answers) {
        if (!access.mayRead(patientId, RecordCategory.ASSESSMENTS)) { // a patient records only their own
            throw access.refused("record", "measure", patientId, patientId);
        }
        if (!RE_SCREENED.contains(instrument)) {
            throw new InvalidRequestException("instrument", "must be one of PHQ-9, GAD-7, AUDIT, DAST-10 (the "
                    + instrument.label() + " is asked by a clinician at assessment)");
        }
        Screener screener = screeners.get(instrument);
        var invalid = screener.violations(answers, "answers");
        if (!invalid.isEmpty()) {
            throw new InvalidRequestException(invalid);
        }
        // Locked: another re-screen of the plan, or the announcer's look at it, comes wholly before or after this one,
        // so that what is due before and after it is known, and an announcement never follows the news it is done.
        TreatmentPlan plan = TreatmentPlan.activeOf(patientId, LockModeType.PESSIMISTIC_WRITE).orElseThrow(
                () -> new ConflictException("Patient " + patientId
                        + " has no active treatment plan: re-screens are kept under the plan being followed"));
        boolean anyDue = anyDue(plan);
        // Scored for the sex the assessment's screeners were, so that AUDIT-C's finding compares with the baseline's.
        ScreenerScore score = screener.score(answers, ScreeningSex.of(patientId));
        Measure measure = taken(plan, instrument.label(), score.score(), score.band(), score.safetyAlert(),
                score.findings(), Measure.RE_SCREEN, calendar.now(), caller.name());
        measure.answers = new LinkedHashMap<>(answers);
        measure.persist();
        access.wrote("record", "measure", measure.id, patientId);
        for (SafetyFinding finding : screener.safetyFindings(answers)) {
            outbox.publish(EventType.TREATMENT_PLAN_SAFETY_ALERT, SafetyAlertRaised.of(UUID.randomUUID(), patientId,
                    finding, SafetyAlertSource.RE_SCREEN, measure.id, measure.takenAt));
        }
        Measure first = Measure.firstOf(plan.id, measure.instrument);
        if (ReliableChange.of(measure.instrument, measure.score - first.score) == ReliableChange.WORSE) {
            outbox.publish(new MeasureWorsened(measure.id, patientId, plan.id, measure.instrument, first.score,
                    measure.score, measure.takenAt));
        }
        if (anyDue && !anyDue(plan)) {
            // The last one due: a reminder still waiting to say something is due would now be wrong.
            outbox.publish(new ReScreensDone(plan.id, patientId, measure.takenAt));
        }
        return measure;
    }

    /** Whether the plan asks for a re-screen today or has asked before and not had it. */
    private boolean anyDue(TreatmentPlan plan) {
        return !dueUnder(plan, Measure.ofPlanNewestFirst(plan.id), calendar.today())
                .isEmpty();
    }

    /** A measure of the plan as scored (by intake at assessment, or here), on the clinic's day it was taken. */
    private Measure taken(TreatmentPlan plan, String instrument, int score, String band, boolean safetyAlert,
            List<String> findings, String source, Instant takenAt, String recordedBy) {
        Measure measure = new Measure();
        measure.id = UUID.randomUUID();
        measure.patientId = plan.patientId;
        measure.planId = plan.id;
        measure.instrument = instrument;
        measure.score = score;
        measure.band = band;
        measure.safetyAlert = safetyAlert;
        measure.findings = findings.toArray(String[]::new);
        measure.source = source;
        measure.takenAt = takenAt;
        measure.takenOn = calendar.dateOf(takenAt);
        measure.recordedBy = recordedBy;
        return measure;
    }

    /** One instrument's measures under a plan, oldest first, and how far the latest moved from the first. */
    public record Series(String instrument, int baseline, int latest, int change, ReliableChange reliableChange,
            List<Measure> measures) {
    }

    /**
     * Each instrument's series under the patient's latest plan (the episode under way, or the last one), in the
     * catalogue's order (PHQ-9, GAD-7, AUDIT, DAST-10, C-SSRS).
     */
    @Transactional
    public List<Series> series(UUID patientId) {
        access.search(RecordCategory.ASSESSMENTS, patientId);
        Optional<TreatmentPlan> latest = TreatmentPlan.<TreatmentPlan> find("patientId", Sort.descending("draftedAt"),
                patientId).firstResultOptional();
        if (latest.isEmpty()) {
            return List.of();
        }
        List<Measure> measures = Measure.ofPlanOldestFirst(latest.get().id);
        access.readAll(RecordCategory.ASSESSMENTS, "measure", measures, measure -> measure.id,
                measure -> measure.patientId);
        Map<String, List<Measure>> byInstrument = new TreeMap<>(
                Comparator.comparingInt(Measures::catalogueOrder).thenComparing(Comparator.naturalOrder()));
        measures.forEach(measure -> byInstrument.computeIfAbsent(measure.instrument, i -> new ArrayList<>())
                .add(measure));
        List<Series> series = new ArrayList<>();
        byInstrument.forEach((instrument, taken) -> {
            int baseline = taken.get(0).score;
            int last = taken.get(taken.size() - 1).score;
            series.add(new Series(instrument, baseline, last, last - baseline,
                    ReliableChange.of(instrument, last - baseline), List.copyOf(taken)));
        });
        return series;
    }

    private static int catalogueOrder(String instrument) {
        return ScreenerCode.ofLabel(instrument).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
