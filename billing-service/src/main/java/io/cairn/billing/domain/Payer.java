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
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A payer the clinic bills, and the codes it wants for a day of the program. */
@Entity
@Table(name = "payer")
public class Payer extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** The payer's id on X12 claims and eligibility requests. */
    @Column(name = "payer_code")
    public String payerCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "claim_form")
    public ClaimForm claimForm;
    /** The per diem's HCPCS code, e.g. S9480 or H0015. */
    @Column(name = "procedure_code")
    public String procedureCode;
    /** The revenue code of an institutional claim's line (0905 or 0906); none on a professional claim. */
    @Column(name = "revenue_code")
    public String revenueCode;
    @Column(name = "place_of_service")
    public String placeOfService;
    /** A day attended wholly by telehealth: its place of service (10 the patient's home, 02 elsewhere). */
    @Column(name = "telehealth_place_of_service")
    public String telehealthPlaceOfService;
    /** ... and its procedure's modifier (95 synchronous telehealth, GT interactive audio and video). */
    @Column(name = "telehealth_modifier")
    public String telehealthModifier;
    @Column(name = "day_rate")
    public BigDecimal dayRate;
    /** SBR09: CI commercial, MC Medicaid, MB Medicare part B, BL Blue Cross Blue Shield, HM an HMO, ... */
    @Column(name = "claim_filing_code")
    public String claimFilingCode;
    /** A day with fewer documented minutes is not billed. */
    @Column(name = "minimum_minutes")
    public int minimumMinutes;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;
}
