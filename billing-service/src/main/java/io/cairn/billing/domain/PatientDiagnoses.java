package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** The diagnoses a patient's claims carry: ICD-10-CM codes, the principal first, as a clinician recorded them. */
@Entity
@Table(name = "patient_diagnoses")
public class PatientDiagnoses extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> codes;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;
}
