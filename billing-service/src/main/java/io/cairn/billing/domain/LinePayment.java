package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A day's charge as a payer paid it (an SVC), and why it paid less (its CAS adjustments). */
@Entity
@Table(name = "line_payment")
public class LinePayment extends PanacheEntityBase {

    /** A CAS adjustment: its group (CO contractual, PR patient responsibility, OA other), reason code and amount. */
    public record Adjustment(String group, String reason, java.math.BigDecimal amount) {
    }

    @Id
    public UUID id;
    @Column(name = "claim_payment_id")
    public UUID claimPaymentId;
    @Column(name = "charge_id")
    public UUID chargeId;
    public BigDecimal charged;
    public BigDecimal paid;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Adjustment> adjustments;
}
