package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A day of the program billed to a coverage: one unit of its payer's per diem, with the codes the payer wants. */
@Entity
@Table(name = "charge")
public class Charge extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "service_date")
    public LocalDate serviceDate;
    @Column(name = "coverage_id")
    public UUID coverageId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "claim_form")
    public ClaimForm claimForm;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "revenue_code")
    public String revenueCode;
    @Column(name = "place_of_service")
    public String placeOfService;
    /** The procedure's modifier: the payer's telehealth modifier on a day attended wholly by telehealth. */
    public String modifier;
    public int units;
    public BigDecimal amount;
    /** The minutes attended that day when the charge was made or last confirmed. */
    @Column(name = "minutes_documented")
    public int minutesDocumented;
    @Enumerated(EnumType.STRING)
    public ChargeStatus status;
    @Column(name = "void_reason")
    public String voidReason;
    @Column(name = "claim_id")
    public UUID claimId;
    @Column(name = "created_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    public Instant createdAt;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;
}
