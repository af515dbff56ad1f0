package io.cairn.billing.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/**
 * The clinic as claims name it: the billing provider (loop 2010AA), the attending provider of institutional claims
 * (2310A) and the submitter of the files (1000A, the interchange's sender). Set per clinic by environment, e.g.
 * {@code BILLING_PROVIDER_NPI}; checked at start.
 */
@ConfigMapping(prefix = "billing")
public interface BillingProvider {

    Provider provider();

    Submitter submitter();

    interface Provider {
        String name();

        /** The organization's National Provider Identifier. */
        @Pattern(regexp = "[0-9]{10}")
        String npi();

        /** The employer identification number (EIN), nine digits. */
        @Pattern(regexp = "[0-9]{9}")
        String taxId();

        /** The provider taxonomy code, e.g. 261QM0801X (mental health clinic) or 261QR0405X (substance use). */
        @Pattern(regexp = "[0-9A-Z]{9}X")
        String taxonomy();

        String addressLine();

        String city();

        @Pattern(regexp = "[A-Z]{2}")
        String state();

        /** Nine digits (ZIP+4) on a billing provider's address. */
        @Pattern(regexp = "[0-9]{9}")
        String postalCode();

        /** The first two digits of an institutional claim's type of bill, e.g. 13 (hospital outpatient). */
        @Pattern(regexp = "[0-9]{2}")
        @WithDefault("13")
        String facilityTypeCode();

        Attending attending();
    }

    /** The physician responsible for the program's care on institutional claims. */
    interface Attending {
        @Pattern(regexp = "[0-9]{10}")
        String npi();

        String givenName();

        String familyName();
    }

    interface Submitter {
        /** The clinic's id with the payer or its clearinghouse (ISA06, GS02, NM109 of 1000A). */
        @Pattern(regexp = "[A-Za-z0-9]{2,15}")
        String id();

        String contactName();

        String contactPhone();

        /** ISA15: T while testing with a payer, P in production. */
        @Pattern(regexp = "[TP]")
        @WithDefault("T")
        String usage();
    }
}
