package io.cairn.fhir;

import org.hl7.fhir.r4.model.Resource;

/**
 * The labels a record of a 42 CFR Part 2 program carries when it leaves Cairn: it is substance use information (ETH),
 * and the recipient may not disclose it again without the patient's consent (NORDSCLCD, the notice § 2.32 requires
 * with every disclosure).
 */
public final class SecurityLabels {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private SecurityLabels() {
    }

    public static <T extends Resource> T substanceUseInformation(T resource) {
        resource.getMeta().addSecurity(ACT_CODE, "ETH", "substance abuse information sensitivity");
        resource.getMeta().addSecurity(ACT_CODE, "NORDSCLCD", "no redisclosure without consent directive");
        return resource;
    }
}
