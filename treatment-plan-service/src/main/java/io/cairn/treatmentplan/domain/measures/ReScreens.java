package io.cairn.treatmentplan.domain.measures;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.problem.ResourceNotFoundException;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The re-screens a patient answered during the program as records an EHR reads (FHIR's Observation and
 * QuestionnaireResponse): each with the first score of its series under the plan, which its change is told from.
 * The assessment's baselines are intake's records, not repeated here. Assessment data under Part 2: read as
 * {@code /api/v1/patients/{id}/measures} is.
 */
@ApplicationScoped
public class ReScreens {

    static final String RESOURCE = "measure";

    private final PatientAccess access;

    ReScreens(PatientAccess access) {
        this.access = access;
    }

    /** A re-screen, and the first score of its instrument under the same plan (the baseline when there is one). */
    public record ReScreen(Measure measure, int firstScore) {

        /** How far the score moved from the series' first, reliably or not; none for an instrument without a threshold. */
        public ReliableChange change() {
            return ReliableChange.of(measure.instrument, measure.score - firstScore);
        }
    }

    /**
     * One re-screen, its read audited (for an EHR, disclosed).
     *
     * @throws ResourceNotFoundException when there is none by that id, or the caller may not read it
     */
    @Transactional
    public ReScreen get(UUID id) {
        Measure measure = Measure.<Measure> find("id = ?1 and source = ?2", id, Measure.RE_SCREEN)
                .firstResultOptional().orElseThrow(() -> new ResourceNotFoundException(RESOURCE, id));
        access.read(RecordCategory.ASSESSMENTS, RESOURCE, measure.id, measure.patientId);
        Measure first = Measure.firstOf(measure.planId, measure.instrument);
        return new ReScreen(measure, first.score);
    }

    /**
     * The patient's re-screens in every episode, newest first, once the caller may read the patient's assessments,
     * without recording that any was read: a search records those it answers ({@link #recordRead}).
     *
     * @throws ResourceNotFoundException when the caller may not read the patient's assessments
     */
    @Transactional
    public List<ReScreen> ofPatientUnread(UUID patientId) {
        access.search(RecordCategory.ASSESSMENTS, patientId);
        List<Measure> oldestFirst = Measure.list("patientId", Sort.ascending("takenAt", "id"), patientId);
        Map<String, Integer> firstScores = new HashMap<>();
        List<ReScreen> reScreens = new ArrayList<>();
        for (Measure measure : oldestFirst) {
            int first = firstScores.computeIfAbsent(measure.planId + " " + measure.instrument, k -> measure.score);
            if (Measure.RE_SCREEN.equals(measure.source)) {
                reScreens.add(new ReScreen(measure, first));
            }
        }
        Collections.reverse(reScreens);
        return reScreens;
    }

    /** Records that the caller read these re-screens: for an EHR, a disclosure in each patient's accounting. */
    @Transactional
    public void recordRead(List<ReScreen> reScreens) {
        access.readAll(RecordCategory.ASSESSMENTS, RESOURCE, reScreens.stream().map(ReScreen::measure).toList(),
                measure -> measure.id, measure -> measure.patientId);
    }
}
