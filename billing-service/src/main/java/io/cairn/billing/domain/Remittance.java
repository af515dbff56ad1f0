package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A payer's payment advice (X12 835) as posted, kept as received. */
@Entity
@Table(name = "remittance")
public class Remittance extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Who sent it (ISA06). */
    @Column(name = "sender_id")
    public String senderId;
    /** The check or EFT trace number (TRN02). */
    @Column(name = "trace_number")
    public String traceNumber;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    public BigDecimal total;
    public String content;
    @Column(name = "posted_by")
    public String postedBy;
    @Column(name = "posted_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    public Instant postedAt;
}
