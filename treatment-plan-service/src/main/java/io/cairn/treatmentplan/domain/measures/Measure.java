package io.cairn.treatmentplan.domain.measures;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One scored screener of a patient in the program: the assessment's baseline, or a re-screen during care. */
@Entity
@Table(name = "measure")
public class Measure extends PanacheEntityBase {

    public static final String FROM_ASSESSMENT = "assessment";
    public static final String RE_SCREEN = "re-screen";

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "plan_id")
    public UUID planId;
    /** The screener's published name, e.g. {@code PHQ-9}. */
    public String instrument;
    public int score;
    public String band;
    @Column(name = "safety_alert")
    public boolean safetyAlert;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] findings;
    /** Item number to answer; none for a baseline, whose answers intake keeps with the assessment. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<Integer, Integer> answers;
    /** {@link #FROM_ASSESSMENT} or {@link #RE_SCREEN}. */
    public String source;
    @Column(name = "assessment_id")
    public UUID assessmentId;
    @Column(name = "taken_on")
    public LocalDate takenOn;
    @Column(name = "taken_at")
    public Instant takenAt;
    @Column(name = "recorded_by")
    public String recordedBy;

    /** The plan's measures in the order they were taken, oldest first. */
    static List<Measure> ofPlanOldestFirst(UUID planId) {
        return list("planId", Sort.ascending("takenAt", "id"), planId);
    }

    /** The plan's measures, newest first: the first of each instrument is its last taken. */
    static List<Measure> ofPlanNewestFirst(UUID planId) {
        return list("planId", Sort.descending("takenAt", "id"), planId);
    }

    /** The first measure of the instrument's series under the plan: what its change is told from. */
    static Measure firstOf(UUID planId, String instrument) {
        return Measure.<Measure> find("planId = ?1 and instrument = ?2", Sort.ascending("takenAt", "id"), planId,
                instrument).firstResult();
    }
}
