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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A patient's charges to one coverage, claimed from its payer under the patient's consent for payment. */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;
    /** CLM01: 20 characters, all a payer need return on its 835. */
    @Column(name = "claim_number")
    public String claimNumber;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "coverage_id")
    public UUID coverageId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "claim_form")
    public ClaimForm claimForm;
    /** The Part 2 consent for payment the claim's disclosure rests on. */
    @Column(name = "consent_id")
    public UUID consentId;
    @Column(name = "first_day")
    public LocalDate firstDay;
    @Column(name = "last_day")
    public LocalDate lastDay;
    public BigDecimal total;
    /** The 837 the claim was sent in. */
    @Column(name = "file_id")
    public UUID fileId;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    public Instant createdAt;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;

    /** What the payer paid for the claim across the remittances posted; a reversal counts negative. */
    public BigDecimal paid() {
        return ClaimPayment.<ClaimPayment> list("claimId", id).stream().map(payment -> payment.paid)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The claim's lines: its charges by day. */
    public List<Charge> charges() {
        return Charge.<Charge> find("claimId = ?1 order by serviceDate", id).list();
    }
}
