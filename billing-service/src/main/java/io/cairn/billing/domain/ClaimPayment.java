package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A claim as a payer adjudicated it on a remittance (a CLP). */
@Entity
@Table(name = "claim_payment")
public class ClaimPayment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "remittance_id")
    public UUID remittanceId;
    @Column(name = "claim_id")
    public UUID claimId;
    /** CLP02: 1, 2 or 3 processed as primary, secondary or tertiary; 4 denied; 22 a reversal. */
    @Column(name = "status_code")
    public String statusCode;
    public BigDecimal charged;
    public BigDecimal paid;
    @Column(name = "patient_responsibility")
    public BigDecimal patientResponsibility;
    /** The payer's own number for the claim (CLP07), which it asks for on any question about it. */
    @Column(name = "payer_claim_number")
    public String payerClaimNumber;
}
