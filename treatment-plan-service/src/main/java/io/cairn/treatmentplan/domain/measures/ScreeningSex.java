package io.cairn.treatmentplan.domain.measures;

import io.cairn.screeners.Sex;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The sex intake scored the patient's screeners for at their latest assessment (AUDIT-C's cut-off), so that a
 * re-screen is scored alike. A patient assessed before intake sent it is scored with the cautious cut-off.
 */
@Entity
@Table(name = "screening_sex")
public class ScreeningSex extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    /** As the event says it: {@code female}, {@code male}, {@code intersex} or {@code unknown}. */
    public String sex;
    @Column(name = "assessed_at")
    public Instant assessedAt;

    /** Keeps what an assessment was scored for, unless a later assessment's is kept already. */
    static void assessed(UUID patientId, String sex, Instant assessedAt) {
        if (sex == null) {
            return; // an assessment published before intake sent it
        }
        ScreeningSex kept = findById(patientId);
        if (kept == null) {
            kept = new ScreeningSex();
            kept.patientId = patientId;
            kept.sex = sex;
            kept.assessedAt = assessedAt;
            kept.persist();
        } else if (!assessedAt.isBefore(kept.assessedAt)) {
            kept.sex = sex;
            kept.assessedAt = assessedAt;
        }
    }

    /** What to score the patient's re-screens for: unknown (the cautious cut-off) when intake never said. */
    static Sex of(UUID patientId) {
        ScreeningSex kept = findById(patientId);
        return kept == null ? Sex.UNKNOWN
                : Arrays.stream(Sex.values())
                        .filter(sex -> sex.name().toLowerCase(Locale.ROOT).equals(kept.sex)).findFirst().orElse(Sex.UNKNOWN);
    }
}
