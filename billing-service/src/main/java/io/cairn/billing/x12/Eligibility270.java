package io.cairn.billing.x12;

import io.cairn.billing.domain.BillingProvider;
import io.cairn.billing.domain.Coverage;
import io.cairn.billing.domain.Payer;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A coverage's eligibility inquiry as a 270 (005010X279A1, the layout of {@code x12/270.xml}): the payer as
 * information source, the clinic as receiver, the patient as subscriber, asking about the program's service types.
 */
public final class Eligibility270 {

    /** What an IOP asks about: the plan (30), mental health (MH) and substance use (AI) benefits. */
    public static final List<String> SERVICE_TYPES = List.of("30", "MH", "AI");
    public static final String SCHEMA = "x12/270.xml";

    private Eligibility270() {
    }

    public static String write(BillingProvider clinic, Payer payer, Coverage coverage, String trace,
            long controlNumber, LocalDateTime at) {
        try (X12Writer x12 = new X12Writer(new X12Writer.Envelope(clinic.submitter().id(), payer.payerCode, "HS",
                "005010X279A1", clinic.submitter().usage(), controlNumber, at))) {
            x12.startTransaction("270");
            x12.segment("BHT", "0022", "13", trace, at.format(X12Formats.DATE), at.format(X12Formats.TIME));
            x12.segment("HL", "1", null, "20", "1");
            x12.segment("NM1", "PR", "2", payer.name, null, null, null, null, "PI", payer.payerCode);
            x12.segment("HL", "2", "1", "21", "1");
            x12.segment("NM1", "1P", "2", clinic.provider().name(), null, null, null, null, "XX",
                    clinic.provider().npi());
            x12.segment("HL", "3", "2", "22", "0");
            // TRN03: "1" and the clinic's EIN, as the guide asks of a provider's own trace.
            x12.segment("TRN", "1", trace, "1" + clinic.provider().taxId());
            x12.segment("NM1", "IL", "1", coverage.subscriberFamilyName, coverage.subscriberGivenName, null, null,
                    null, "MI", coverage.memberId);
            x12.segment("DMG", "D8", coverage.subscriberBirthDate.format(X12Formats.DATE), coverage.subscriberSex.code);
            x12.segment("DTP", "291", "D8", at.format(X12Formats.DATE));
            for (String serviceType : SERVICE_TYPES) {
                x12.segment("EQ", serviceType);
            }
            x12.endTransaction();
            return x12.text();
        }
    }
}
