package io.cairn.aftercare.domain;

import io.cairn.contracts.events.MeasureAtEnd;
import io.cairn.contracts.events.PatientDischarged;
import io.cairn.contracts.events.PatientGraduated;
import io.cairn.contracts.events.ProgramHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Keeps how each episode ended, graduated or discharged, where its PHQ-9 and GAD-7 series stood, and its hours in its
 * track: what the program's completion rate, its change at discharge and its hours by track are counted from. Once per episode,
 * however often it is delivered.
 */
@ApplicationScoped
public class ProgramEndings {

    private final EntityManager entities;

    ProgramEndings(EntityManager entities) {
        this.entities = entities;
    }

    public void graduated(PatientGraduated graduated) {
        keep(graduated.planId(), graduated.patientId(), graduated.dischargedOn(), true, graduated.measuresAtEnd(),
                graduated.hoursAtEnd());
    }

    public void discharged(PatientDischarged discharged) {
        keep(discharged.planId(), discharged.patientId(), discharged.dischargedOn(), false,
                discharged.measuresAtEnd(), discharged.hoursAtEnd());
    }

    private void keep(UUID planId, UUID patientId, LocalDate endedOn, boolean graduated, List<MeasureAtEnd> atEnd,
            ProgramHours hours) {
        Optional<MeasureAtEnd> phq9 = of(atEnd, "PHQ-9");
        Optional<MeasureAtEnd> gad7 = of(atEnd, "GAD-7");
        // Hibernate's own query: a score may be null, and is bound as an integer even then.
        entities.createNativeQuery("""
                INSERT INTO program_ending (plan_id, patient_id, ended_on, graduated, phq9_first, phq9_last,
                                            gad7_first, gad7_last, track_id, hours_attended, hours_expected)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (plan_id) DO NOTHING""")
                .unwrap(NativeQuery.class).setParameter(1, planId).setParameter(2, patientId).setParameter(3, endedOn)
                .setParameter(4, graduated)
                .setParameter(5, phq9.map(MeasureAtEnd::first).orElse(null), Integer.class)
                .setParameter(6, phq9.map(MeasureAtEnd::last).orElse(null), Integer.class)
                .setParameter(7, gad7.map(MeasureAtEnd::first).orElse(null), Integer.class)
                .setParameter(8, gad7.map(MeasureAtEnd::last).orElse(null), Integer.class)
                .setParameter(9, hours == null ? null : hours.trackId(), UUID.class)
                .setParameter(10, hours == null ? null : hours.attended(), BigDecimal.class)
                .setParameter(11, hours == null ? null : hours.expected(), BigDecimal.class).executeUpdate();
    }

    /** An event published before the series were sent has none. */
    private static Optional<MeasureAtEnd> of(List<MeasureAtEnd> atEnd, String instrument) {
        return atEnd == null ? Optional.empty()
                : atEnd.stream().filter(m -> instrument.equals(m.instrument())).findFirst();
    }
}
