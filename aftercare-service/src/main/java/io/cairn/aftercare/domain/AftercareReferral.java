package io.cairn.aftercare.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Follow-up after an episode: the aftercare plan, the case manager, and the check-ins. */
@Entity
@Table(name = "aftercare_referral")
public class AftercareReferral extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "plan_id")
    public UUID planId;
    /** Discharged against medical advice: reach out within 72 hours. */
    public boolean outreach;
    @Column(name = "discharged_on")
    public LocalDate dischargedOn;
    @Column(name = "case_manager")
    public String caseManager;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AftercareItem> items;
    @Column(name = "first_contact_due_by")
    public Instant firstContactDueBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public int version;
}
