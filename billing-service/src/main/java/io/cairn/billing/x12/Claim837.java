package io.cairn.billing.x12;

import io.cairn.billing.domain.BillingProvider;
import io.cairn.billing.domain.Charge;
import io.cairn.billing.domain.ClaimForm;
import io.cairn.billing.domain.Coverage;
import io.cairn.billing.domain.Payer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A payer's claims as one 837 interchange: the professional 837P (005010X222A1) or the institutional 837I
 * (005010X223A2), in the loops and segments of {@code x12/837P.xml} and {@code x12/837I.xml}. The patient is the
 * subscriber (SBR02 18); a claim's lines are its days, each one unit of the payer's per diem.
 */
public final class Claim837 {

    /** What a claim needs beyond its charges: its coverage and the patient's diagnoses (ICD-10-CM, principal first). */
    public record ClaimLines(String claimNumber, Coverage coverage, List<String> diagnoses, List<Charge> charges) {
    }

    private Claim837() {
    }

    public static String guide(ClaimForm form) {
        return form == ClaimForm.PROFESSIONAL ? "005010X222A1" : "005010X223A2";
    }

    /** The layout the file is checked against. */
    public static String schema(ClaimForm form) {
        return form == ClaimForm.PROFESSIONAL ? "x12/837P.xml" : "x12/837I.xml";
    }

    public static String write(BillingProvider clinic, Payer payer, long controlNumber, LocalDateTime at,
            List<ClaimLines> claims) {
        String receiver = payer.payerCode;
        X12Writer.Envelope envelope = new X12Writer.Envelope(clinic.submitter().id(), receiver, "HC",
                guide(payer.claimForm), clinic.submitter().usage(), controlNumber, at);
        try (X12Writer x12 = new X12Writer(envelope)) {
            x12.startTransaction("837");
            x12.segment("BHT", "0019", "00", envelope.control(), at.format(X12Formats.DATE), at.format(X12Formats.TIME), "CH");
            // 1000A submitter, 1000B receiver
            x12.segment("NM1", "41", "2", clinic.provider().name(), null, null, null, null, "46",
                    clinic.submitter().id());
            x12.segment("PER", "IC", clinic.submitter().contactName(), "TE", clinic.submitter().contactPhone());
            x12.segment("NM1", "40", "2", payer.name, null, null, null, null, "46", receiver);
            // 2000A billing provider
            x12.segment("HL", "1", null, "20", "1");
            x12.segment("PRV", "BI", "PXC", clinic.provider().taxonomy());
            x12.segment("NM1", "85", "2", clinic.provider().name(), null, null, null, null, "XX",
                    clinic.provider().npi());
            x12.segment("N3", clinic.provider().addressLine());
            x12.segment("N4", clinic.provider().city(), clinic.provider().state(), clinic.provider().postalCode());
            x12.segment("REF", "EI", clinic.provider().taxId());
            int level = 1;
            for (ClaimLines claim : claims) {
                level++;
                subscriber(x12, level, claim.coverage(), payer);
                if (payer.claimForm == ClaimForm.PROFESSIONAL) {
                    professional(x12, claim, payer.placeOfService);
                } else {
                    institutional(x12, clinic, claim);
                }
            }
            x12.endTransaction();
            return x12.text();
        }
    }

    /** 2000B with 2010BA (the patient as subscriber) and 2010BB (the payer). */
    private static void subscriber(X12Writer x12, int level, Coverage coverage, Payer payer) {
        x12.segment("HL", String.valueOf(level), "1", "22", "0");
        x12.segment("SBR", "P", "18", coverage.groupNumber, null, null, null, null, null, payer.claimFilingCode);
        x12.segment("NM1", "IL", "1", coverage.subscriberFamilyName, coverage.subscriberGivenName, null, null, null,
                "MI", coverage.memberId);
        x12.segment("N3", coverage.addressLine);
        x12.segment("N4", coverage.city, coverage.state, coverage.postalCode);
        x12.segment("DMG", "D8", coverage.subscriberBirthDate.format(X12Formats.DATE), coverage.subscriberSex.code);
        x12.segment("NM1", "PR", "2", payer.name, null, null, null, null, "PI", payer.payerCode);
    }

    private static void professional(X12Writer x12, ClaimLines claim, String placeOfService) {
        x12.segment("CLM", claim.claimNumber(), amount(total(claim)), null, null,
                new String[] { placeOfService, "B", "1" }, "Y", "A", "Y", "Y");
        x12.segment("HI", diagnoses(claim.diagnoses(), "ABK", "ABF"));
        int line = 0;
        for (Charge charge : claim.charges()) {
            x12.segment("LX", String.valueOf(++line));
            // A line's own place of service (SV105) only where it differs from the claim's: a telehealth day.
            x12.segment("SV1", procedure(charge), amount(charge.amount), "UN", String.valueOf(charge.units),
                    charge.placeOfService.equals(placeOfService) ? null : charge.placeOfService, null,
                    new String[] { "1" });
            x12.segment("DTP", "472", "D8", charge.serviceDate.format(X12Formats.DATE));
        }
    }

    private static void institutional(X12Writer x12, BillingProvider clinic, ClaimLines claim) {
        List<Charge> charges = claim.charges();
        LocalDate from = charges.get(0).serviceDate;
        LocalDate to = charges.get(charges.size() - 1).serviceDate;
        x12.segment("CLM", claim.claimNumber(), amount(total(claim)), null, null,
                new String[] { clinic.provider().facilityTypeCode(), "A", "1" }, null, "A", "Y", "Y");
        x12.segment("DTP", "434", "RD8", from.format(X12Formats.DATE) + "-" + to.format(X12Formats.DATE));
        // Elective admission, still a patient: the program goes on after the claim's days.
        x12.segment("CL1", "3", null, "30");
        // The principal diagnosis alone, the others in an HI of their own (005010X223A2).
        x12.segment("HI", diagnoses(claim.diagnoses().subList(0, 1), "ABK", "ABK"));
        if (claim.diagnoses().size() > 1) {
            x12.segment("HI", diagnoses(claim.diagnoses().subList(1, claim.diagnoses().size()), "ABF", "ABF"));
        }
        x12.segment("NM1", "71", "1", clinic.provider().attending().familyName(),
                clinic.provider().attending().givenName(), null, null, null, "XX", clinic.provider().attending().npi());
        int line = 0;
        for (Charge charge : charges) {
            x12.segment("LX", String.valueOf(++line));
            x12.segment("SV2", charge.revenueCode, procedure(charge), amount(charge.amount),
                    "UN", String.valueOf(charge.units));
            x12.segment("DTP", "472", "D8", charge.serviceDate.format(X12Formats.DATE));
        }
    }

    /** The procedure composite: HC, the HCPCS code, and its modifier if any. */
    private static String[] procedure(Charge charge) {
        return charge.modifier == null ? new String[] { "HC", charge.procedureCode }
                : new String[] { "HC", charge.procedureCode, charge.modifier };
    }

    /** Diagnoses as HI composites: the first with {@code firstQualifier}, the rest with {@code qualifier}. */
    private static Object[] diagnoses(List<String> codes, String firstQualifier, String qualifier) {
        Object[] composites = new Object[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            composites[i] = new String[] { i == 0 ? firstQualifier : qualifier, codes.get(i).replace(".", "") };
        }
        return composites;
    }

    private static BigDecimal total(ClaimLines claim) {
        return claim.charges().stream().map(charge -> charge.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** X12's decimal: no trailing zeros, no exponent. */
    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
