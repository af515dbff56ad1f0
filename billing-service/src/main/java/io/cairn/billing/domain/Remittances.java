package io.cairn.billing.domain;

import io.cairn.billing.x12.X12Formats;
import io.cairn.billing.x12.X12Reading;
import io.cairn.billing.x12.X12Reading.Segment;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Posts a payer's 835 against the claims it answers: what each claim (CLP) and each of its days (SVC) was paid, and
 * why less (CAS). A payment is posted once: the same 835 sent again (its sender and trace number) changes nothing. A
 * CLP that names no claim of Cairn's, or an SVC no line of it, is reported unmatched rather than guessed at.
 */
@ApplicationScoped
public class Remittances {

    /** A claim the remittance answered: how it was adjudicated and paid. */
    public record Posted(UUID claimId, String statusCode, BigDecimal charged, BigDecimal paid, int lines) {
    }

    /** Something the remittance named that Cairn could not post, and why. */
    public record Unmatched(String reference, String reason) {
    }

    public record Result(UUID remittanceId, String traceNumber, LocalDate paidOn, BigDecimal total,
            boolean alreadyPosted, List<Posted> posted, List<Unmatched> unmatched) {
    }

    private final EntityManager entities;
    private final AuditLog audit;

    Remittances(EntityManager entities, AuditLog audit) {
        this.entities = entities;
        this.audit = audit;
    }

    @Transactional
    public Result post(String interchange, String by) {
        List<Segment> segments = X12Reading.segmentsOf(interchange);
        String sender = first(segments, "ISA").map(isa -> isa.element(6).strip()).orElse("");
        if (first(segments, "ST").map(st -> !st.element(1).equals("835")).orElse(true)) {
            throw new InvalidRequestException("body", "not an 835 remittance (ST01 must be 835)");
        }
        Segment bpr = first(segments, "BPR").orElseThrow(() -> new InvalidRequestException("body",
                "an 835 needs its BPR (the payment)"));
        Segment trn = first(segments, "TRN").orElseThrow(() -> new InvalidRequestException("body",
                "an 835 needs its TRN (the payment's trace number)"));
        // Every amount read before anything is matched: a malformed one refuses the 835, matched or not.
        segments.stream().filter(segment -> segment.tag().equals("CLP") || segment.tag().equals("SVC"))
                .forEach(segment -> {
                    int first = segment.tag().equals("CLP") ? 3 : 2;
                    amount(segment, first);
                    amount(segment, first + 1);
                });
        // Concurrent posts of one payment wait for each other, so that the second finds the first.
        io.cairn.kit.persistence.Locks.forKey(entities, "remittance:" + sender + ":" + trn.element(2));
        Optional<Remittance> earlier = Remittance.<Remittance> find("senderId = ?1 and traceNumber = ?2", sender,
                trn.element(2)).firstResultOptional();
        if (earlier.isPresent()) {
            return result(earlier.get(), true, List.of());
        }
        Remittance remittance = new Remittance();
        remittance.id = UUID.randomUUID();
        remittance.senderId = sender;
        remittance.traceNumber = trn.element(2);
        remittance.total = amount(bpr, 2);
        remittance.paidOn = bpr.element(16).isEmpty() ? null : day(bpr.element(16), "BPR16");
        remittance.content = interchange;
        remittance.postedBy = by;
        remittance.persist();
        List<Unmatched> unmatched = new ArrayList<>();
        for (List<Segment> clp : claims(segments)) {
            postClaim(remittance, clp, unmatched);
        }
        entities.flush();
        return result(remittance, false, unmatched);
    }

    private void postClaim(Remittance remittance, List<Segment> clp, List<Unmatched> unmatched) {
        Segment head = clp.get(0);
        String reference = head.element(1);
        Optional<Claim> claim = claimOf(reference);
        if (claim.isEmpty()) {
            unmatched.add(new Unmatched(reference, "no claim of Cairn's has this number (CLP01)"));
            return;
        }
        ClaimPayment payment = new ClaimPayment();
        payment.id = UUID.randomUUID();
        payment.remittanceId = remittance.id;
        payment.claimId = claim.get().id;
        payment.statusCode = head.element(2);
        payment.charged = amount(head, 3);
        payment.paid = amount(head, 4);
        payment.patientResponsibility = head.element(5).isEmpty() ? null : amount(head, 5);
        payment.payerClaimNumber = head.element(7).isEmpty() ? null : head.element(7);
        payment.persist();
        List<Charge> lines = claim.get().charges();
        for (int i = 1; i < clp.size(); i++) {
            if (!clp.get(i).tag().equals("SVC")) {
                continue;
            }
            Segment svc = clp.get(i);
            LocalDate day = null;
            List<LinePayment.Adjustment> adjustments = new ArrayList<>();
            for (int j = i + 1; j < clp.size() && !clp.get(j).tag().equals("SVC"); j++) {
                Segment detail = clp.get(j);
                if (detail.tag().equals("DTM") && detail.element(1).equals("472")) {
                    day = day(detail.element(2), "DTM02");
                } else if (detail.tag().equals("CAS")) {
                    adjustments.addAll(adjustments(detail));
                }
            }
            LocalDate serviceDay = day;
            String procedure = svc.component(1, 2);
            Optional<Charge> line = lines.stream().filter(charge -> charge.serviceDate.equals(serviceDay)
                    && charge.procedureCode.equals(procedure)).findFirst();
            if (line.isEmpty()) {
                unmatched.add(new Unmatched(reference + " " + procedure + " " + serviceDay,
                        "no line of the claim is this procedure on this day"));
                continue;
            }
            LinePayment paid = new LinePayment();
            paid.id = UUID.randomUUID();
            paid.claimPaymentId = payment.id;
            paid.chargeId = line.get().id;
            paid.charged = amount(svc, 2);
            paid.paid = amount(svc, 3);
            paid.adjustments = adjustments;
            paid.persist();
        }
        // The payer learnt of these records from the claim; reading its answer is the clinic's own work.
        audit.record(new AuditEntry("post-remittance", "Claim", claim.get().id.toString(), claim.get().patientId,
                AuditOutcome.SUCCESS));
    }

    /** Each CLP with the segments that follow it up to the next CLP or the end of its transaction. */
    private static List<List<Segment>> claims(List<Segment> segments) {
        List<List<Segment>> claims = new ArrayList<>();
        List<Segment> current = null;
        for (Segment segment : segments) {
            if (segment.tag().equals("CLP")) {
                current = new ArrayList<>();
                claims.add(current);
            } else if (segment.tag().equals("SE") || segment.tag().equals("PLB")) {
                current = null;
            }
            if (current != null) {
                current.add(segment);
            }
        }
        return claims;
    }

    /** CAS: a group, then up to six reason, amount (and quantity) triples. */
    private static List<LinePayment.Adjustment> adjustments(Segment cas) {
        List<LinePayment.Adjustment> adjustments = new ArrayList<>();
        for (int reason = 2; reason <= 17 && !cas.element(reason).isEmpty(); reason += 3) {
            adjustments.add(new LinePayment.Adjustment(cas.element(1), cas.element(reason), amount(cas, reason + 1)));
        }
        return adjustments;
    }

    /** The claim CLP01 names: its number, as the 837 sent it. */
    private static Optional<Claim> claimOf(String reference) {
        return Claim.<Claim> find("claimNumber", reference).firstResultOptional();
    }

    private static Optional<Segment> first(List<Segment> segments, String tag) {
        return segments.stream().filter(segment -> segment.tag().equals(tag)).findFirst();
    }

    /** X12's R: an optional sign, at most 11 digits before the point and 2 after it (what the columns hold). */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("-?[0-9]{1,11}(\\.[0-9]{0,2})?");

    private static BigDecimal amount(Segment segment, int position) {
        try {
            if (!AMOUNT.matcher(segment.element(position)).matches()) {
                throw new NumberFormatException();
            }
            return new BigDecimal(segment.element(position));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("body", segment.tag() + String.format("%02d", position)
                    + " is not an amount: '" + segment.element(position) + "'");
        }
    }

    private static LocalDate day(String text, String where) {
        try {
            return LocalDate.parse(text, X12Formats.DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("body", where + " is not a date (CCYYMMDD): '" + text + "'");
        }
    }

    private Result result(Remittance remittance, boolean alreadyPosted, List<Unmatched> unmatched) {
        List<Posted> posted = ClaimPayment.<ClaimPayment> list("remittanceId", remittance.id).stream()
                .map(payment -> new Posted(payment.claimId, payment.statusCode, payment.charged, payment.paid,
                        (int) LinePayment.count("claimPaymentId", payment.id)))
                .toList();
        return new Result(remittance.id, remittance.traceNumber, remittance.paidOn, remittance.total, alreadyPosted,
                posted, unmatched);
    }

    @Transactional
    public Remittance get(UUID id) {
        Remittance remittance = Remittance.findById(id);
        if (remittance == null) {
            throw new ResourceNotFoundException("Remittance", id);
        }
        return remittance;
    }
}
