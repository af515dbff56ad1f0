package io.cairn.intake.domain.assessment;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.contracts.events.LevelOfCare;
import io.cairn.intake.domain.assessment.Sections.CurrentSymptoms;
import io.cairn.intake.domain.assessment.Sections.FamilyAndSupport;
import io.cairn.intake.domain.assessment.Sections.LivingSituation;
import io.cairn.intake.domain.assessment.Sections.MedicalHistory;
import io.cairn.intake.domain.assessment.Sections.Medication;
import io.cairn.intake.domain.assessment.Sections.MentalHealthHistory;
import io.cairn.intake.domain.assessment.Sections.StrengthsAndPreferences;
import io.cairn.intake.domain.assessment.Sections.SubstanceUse;
import io.cairn.screeners.ScreenerCode;
import io.cairn.kit.problem.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.cairn.screeners.Sex;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A comprehensive biopsychosocial assessment: structured sections, scored screeners, ASAM ratings, level of care.
 * An update writes only the columns that changed: completing one changes a few, and need not serialize and write its
 * nine JSON sections again.
 */
@DynamicUpdate
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "referral_id")
    public UUID referralId;
    @Enumerated(EnumType.STRING)
    public AssessmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "medical_history")
    public MedicalHistory medicalHistory;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Medication> medications;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "current_symptoms")
    public CurrentSymptoms currentSymptoms;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "substance_use")
    public List<SubstanceUse> substanceUse;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "mental_health_history")
    public MentalHealthHistory mentalHealthHistory;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "family_and_support")
    public FamilyAndSupport familyAndSupport;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "living_situation")
    public LivingSituation livingSituation;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "strengths_and_preferences")
    public StrengthsAndPreferences strengthsAndPreferences;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScoredScreener> screeners = new ArrayList<>();
    /** The sex the screeners were last scored for: null for an assessment saved before it was kept. */
    @Enumerated(EnumType.STRING)
    @Column(name = "screening_sex")
    public Sex screeningSex;
    @Embedded
    public AsamDimensions asamRatings;

    @Enumerated(EnumType.STRING)
    @Column(name = "recommended_level_of_care")
    public LevelOfCare recommendedLevelOfCare;
    @Enumerated(EnumType.STRING)
    @Column(name = "level_of_care")
    public LevelOfCare levelOfCare;
    @Column(name = "override_reason")
    public String overrideReason;

    @Column(name = "started_by")
    public String startedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Version
    public int version;

    /** @throws ConflictException once completed: the plan was drafted from it as it was */
    public void requireInProgress() {
        if (status == AssessmentStatus.COMPLETED) {
            throw new ConflictException("Assessment " + id + " is completed and can no longer change");
        }
    }

    public boolean hasSafetyAlert() {
        return screeners.stream().anyMatch(ScoredScreener::safetyAlert);
    }

    public List<String> substances() {
        return substanceUse == null ? List.of() : substanceUse.stream().map(SubstanceUse::substance).distinct().toList();
    }

    public boolean hasFamilyConflict() {
        return familyAndSupport != null && Boolean.TRUE.equals(familyAndSupport.familyConflict());
    }

    public List<String> supportPeople() {
        return familyAndSupport == null || familyAndSupport.supportPeople() == null ? List.of()
                : familyAndSupport.supportPeople();
    }

    public List<String> medicationNames() {
        return medications == null ? List.of() : medications.stream().map(Medication::name).toList();
    }

    public boolean hasHighSuicideRisk() {
        return screeners.stream().anyMatch(s -> s.screener() == ScreenerCode.C_SSRS && s.safetyAlert());
    }
}
