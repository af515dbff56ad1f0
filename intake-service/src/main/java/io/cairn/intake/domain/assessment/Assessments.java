package io.cairn.intake.domain.assessment;

import io.cairn.contracts.events.AssessmentCompleted;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.api.AssessmentRequest;
import io.cairn.intake.domain.Patient;
import io.cairn.intake.domain.Patients;
import io.cairn.intake.domain.Referral;
import io.cairn.screeners.Sex;
import io.cairn.screeners.Screener;
import io.cairn.screeners.ScreenerCatalogue;
import io.cairn.screeners.ScreenerCode;
import io.cairn.kit.events.Outbox;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.Problem.Violation;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.Caller;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Starts, fills in, scores and completes assessments, and keeps each one's level-of-care history. */
@ApplicationScoped
public class Assessments {

    static final String RESOURCE = "assessment";

    private final Patients patients;
    private final ScreenerCatalogue catalogue;
    private final LevelOfCareRules rules;
    private final PatientAccess access;
    private final Caller caller;
    private final Outbox outbox;
    private final SafetyAlerts safetyAlerts;

    Assessments(Patients patients, ScreenerCatalogue catalogue, LevelOfCareRules rules, PatientAccess access,
            Caller caller, Outbox outbox, SafetyAlerts safetyAlerts) {
        this.patients = patients;
        this.catalogue = catalogue;
        this.rules = rules;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
        this.safetyAlerts = safetyAlerts;
    }

    @Transactional
    public Assessment start(UUID patientId, UUID referralId) {
        patients.find(patientId);
        if (referralId != null) {
            Referral referral = Referral.findById(referralId);
            if (referral == null || !referral.patientId.equals(patientId)) {
                throw new InvalidRequestException("referralId", "is not a referral of this patient");
            }
        }
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.patientId = patientId;
        assessment.referralId = referralId;
        assessment.status = AssessmentStatus.IN_PROGRESS;
        assessment.startedBy = caller.name();
        assessment.startedAt = Instant.now();
        assessment.persist();
        access.wrote("create", RESOURCE, assessment.id, patientId);
        return assessment;
    }

    @Transactional
    public Assessment save(UUID id, AssessmentRequest request) {
        Assessment assessment = find(id);
        assessment.requireInProgress();
        if (assessment.version != request.version()) {
            throw new ConflictException("Assessment " + id + " was saved since version " + request.version()
                    + "; fetch it again and retry");
        }
        Patient patient = patients.find(assessment.patientId);
        assessment.screeners = score(request.screenerResponses(), patient);
        assessment.screeningSex = patient.sex != null ? patient.sex : Sex.UNKNOWN;
        assessment.medicalHistory = request.medicalHistory();
        assessment.medications = request.medications();
        assessment.currentSymptoms = request.currentSymptoms();
        assessment.substanceUse = request.substanceUse();
        assessment.mentalHealthHistory = request.mentalHealthHistory();
        assessment.familyAndSupport = request.familyAndSupport();
        assessment.livingSituation = request.livingSituation();
        assessment.strengthsAndPreferences = request.strengthsAndPreferences();
        assessment.asamRatings = request.asamRatings();
        LevelOfCare recommended = request.asamRatings() == null ? null
                : rules.recommend(request.asamRatings(), assessment.hasHighSuicideRisk());
        if (!Objects.equals(recommended, assessment.recommendedLevelOfCare)) {
            // A decision was taken against the old recommendation: it must be taken again.
            assessment.levelOfCare = null;
            assessment.overrideReason = null;
        }
        assessment.recommendedLevelOfCare = recommended;
        safetyAlerts.raiseNew(assessment);
        access.wrote("update", RESOURCE, id, assessment.patientId);
        return assessment;
    }

    /** The clinician decides the level of care; one that differs from the recommendation needs a reason. */
    @Transactional
    public Assessment decideLevelOfCare(UUID id, LevelOfCare level, String reason) {
        Assessment assessment = find(id);
        assessment.requireInProgress();
        if (assessment.recommendedLevelOfCare == null) {
            throw new ConflictException("Rate the six ASAM dimensions before deciding the level of care");
        }
        boolean override = level != assessment.recommendedLevelOfCare;
        if (override && (reason == null || reason.isBlank())) {
            throw new InvalidRequestException("reason", "is required to decide a level other than the recommended "
                    + "one");
        }
        decide(assessment, level, override ? reason.strip() : null);
        access.wrote("decide-level-of-care", RESOURCE, id, assessment.patientId);
        return assessment;
    }

    @Transactional
    public Assessment complete(UUID id) {
        Assessment assessment = find(id);
        assessment.requireInProgress();
        List<Violation> missing = missingForCompletion(assessment);
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        if (assessment.levelOfCare == null) {
            decide(assessment, assessment.recommendedLevelOfCare, null);
        }
        assessment.status = AssessmentStatus.COMPLETED;
        assessment.completedBy = caller.name();
        assessment.completedAt = Instant.now();
        Patient patient = patients.find(assessment.patientId);
        PreferredSchedule schedule = assessment.strengthsAndPreferences.preferredSchedule() != null
                ? assessment.strengthsAndPreferences.preferredSchedule()
                : patient.preferredSchedule;
        outbox.publish(new AssessmentCompleted(assessment.id, assessment.patientId, patient.ageGroup,
                assessment.recommendedLevelOfCare, assessment.levelOfCare, assessment.overrideReason,
                assessment.asamRatings.toEvent(), assessment.screeners.stream().map(ScoredScreener::toEvent).toList(),
                assessment.hasSafetyAlert(), assessment.substances(), assessment.hasFamilyConflict(),
                assessment.supportPeople(), assessment.medicationNames(), schedule, assessment.completedAt,
                // What the screeners were scored for, so that treatment-plan scores a re-screen alike.
                Optional.ofNullable(assessment.screeningSex).or(() -> Optional.ofNullable(patient.sex))
                        .orElse(Sex.UNKNOWN).name().toLowerCase(Locale.ROOT)));
        safetyAlerts.raiseNew(assessment);
        access.wrote("complete", RESOURCE, id, assessment.patientId);
        return assessment;
    }

    @Transactional
    public Assessment get(UUID id) {
        Assessment assessment = find(id);
        access.read(RecordCategory.ASSESSMENTS, RESOURCE, id, assessment.patientId);
        return assessment;
    }

    @Transactional
    public List<Assessment> ofPatient(UUID patientId) {
        List<Assessment> found = ofPatientUnread(patientId);
        recordRead(found);
        return found;
    }

    /**
     * The patient's assessments, once the caller may read the patient's assessments at all, without recording that
     * any was read: a search records those it answers ({@link #recordRead}).
     */
    @Transactional
    public List<Assessment> ofPatientUnread(UUID patientId) {
        patients.find(patientId);
        access.search(RecordCategory.ASSESSMENTS, patientId);
        return Assessment.list("patientId", Sort.descending("startedAt"), patientId);
    }

    /** Records that the caller read these assessments: for an EHR, a disclosure in each patient's accounting. */
    @Transactional
    public void recordRead(List<Assessment> assessments) {
        assessments.forEach(a -> access.read(RecordCategory.ASSESSMENTS, RESOURCE, a.id, a.patientId));
    }

    @Transactional
    public List<LevelOfCareDecision> levelOfCareHistory(UUID id) {
        Assessment assessment = get(id);
        return LevelOfCareDecision.list("assessmentId", Sort.ascending("id"), assessment.id);
    }

    private List<ScoredScreener> score(List<ScreenerResponse> responses, Patient patient) {
        if (responses == null) {
            return new ArrayList<>();
        }
        List<Violation> violations = new ArrayList<>();
        Set<ScreenerCode> seen = EnumSet.noneOf(ScreenerCode.class);
        for (int i = 0; i < responses.size(); i++) {
            ScreenerResponse response = responses.get(i);
            if (!seen.add(response.screener())) {
                violations.add(new Violation("screenerResponses[" + i + "].screener",
                        response.screener().label() + " is answered twice"));
                continue;
            }
            violations.addAll(catalogue.get(response.screener()).violations(response.answers(),
                    "screenerResponses[" + i + "].answers"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        List<ScoredScreener> scored = new ArrayList<>();
        for (ScreenerResponse response : responses) {
            Screener screener = catalogue.get(response.screener());
            scored.add(ScoredScreener.of(response, screener.score(response.answers(), patient.sex)));
        }
        return scored;
    }

    private static List<Violation> missingForCompletion(Assessment a) {
        List<Violation> missing = new ArrayList<>();
        String message = "is required before the assessment can be completed";
        requirePresent(missing, "medicalHistory", a.medicalHistory, message);
        requirePresent(missing, "medications", a.medications, message + " (an empty list when none)");
        requirePresent(missing, "currentSymptoms", a.currentSymptoms, message);
        requirePresent(missing, "substanceUse", a.substanceUse, message + " (an empty list when none)");
        requirePresent(missing, "mentalHealthHistory", a.mentalHealthHistory, message);
        requirePresent(missing, "familyAndSupport", a.familyAndSupport, message);
        requirePresent(missing, "livingSituation", a.livingSituation, message);
        requirePresent(missing, "strengthsAndPreferences", a.strengthsAndPreferences, message);
        requirePresent(missing, "asamRatings", a.asamRatings, message);
        Set<ScreenerCode> answered = EnumSet.noneOf(ScreenerCode.class);
        a.screeners.forEach(s -> answered.add(s.screener()));
        for (ScreenerCode code : ScreenerCode.values()) {
            if (!answered.contains(code)) {
                missing.add(new Violation("screenerResponses", code.label() + " " + message));
            }
        }
        return missing;
    }

    private static void requirePresent(List<Violation> missing, String field, Object value, String message) {
        if (value == null) {
            missing.add(new Violation(field, message));
        }
    }

    private void decide(Assessment assessment, LevelOfCare level, String reason) {
        assessment.levelOfCare = level;
        assessment.overrideReason = reason;
        LevelOfCareDecision decision = new LevelOfCareDecision();
        decision.assessmentId = assessment.id;
        decision.recommended = assessment.recommendedLevelOfCare;
        decision.decided = level;
        decision.overrideReason = reason;
        decision.decidedBy = caller.name();
        decision.decidedAt = Instant.now();
        decision.persist();
    }

    private Assessment find(UUID id) {
        Assessment assessment = Assessment.findById(id);
        if (assessment == null) {
            throw new ResourceNotFoundException("Assessment", id);
        }
        return assessment;
    }
}
