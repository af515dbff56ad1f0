package io.cairn.billing.domain;

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
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** A coverage's eligibility asked of its payer (a 270) and, once it came, the payer's answer (a 271). */
@Entity
@Table(name = "eligibility_check")
public class EligibilityCheck extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "coverage_id")
    public UUID coverageId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "trace_number")
    public String traceNumber;
    public String request;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    public Instant requestedAt;
    public String response;
    @Column(name = "answered_at")
    public Instant answeredAt;
    public Boolean active;
    @Column(name = "plan_begins_on")
    public LocalDate planBeginsOn;
    @Column(name = "plan_ends_on")
    public LocalDate planEndsOn;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "active_services")
    public List<String> activeServices;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> rejections;
    @Version
    public int version;
}
