package io.cairn.billing.api;

import io.cairn.billing.domain.ClaimForm;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PayerRequest", example = """
        {"name":"Blue Valley Health Plan","payerCode":"BVHP1","claimForm":"institutional","procedureCode":"S9480",
         "revenueCode":"0905","placeOfService":"11","dayRate":310.00,"minimumMinutes":180,"telehealthPlaceOfService":"10","telehealthModifier":"95",
         "claimFilingCode":"CI"}""")
public record PayerRequest(@NotBlank @Size(max = 60) @Pattern(regexp = X12Text.PATTERN, message = X12Text.MESSAGE) String name,
        @Schema(description = "The payer's id on X12 claims and eligibility requests") @NotNull @Pattern(regexp = "[A-Za-z0-9]{2,15}") String payerCode,
        @NotNull ClaimForm claimForm,
        @Schema(description = "The per diem's HCPCS code, e.g. S9480 (intensive outpatient psychiatric services) or H0015 (alcohol and/or drug intensive outpatient treatment)") @NotNull @Pattern(regexp = "[A-Z][0-9]{4}") String procedureCode,
        @Schema(description = "The line's revenue code on an institutional claim (0905 or 0906 for intensive outpatient services); none on a professional claim") @Pattern(regexp = "0[0-9]{3}") String revenueCode,
        @Schema(description = "The place of service code of a professional claim's line, e.g. 11 (office) or 53 (community mental health center)") @NotNull @Pattern(regexp = "[0-9]{2}") String placeOfService,
        @Schema(description = "What one day of the program is billed at") @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal dayRate,
        @Schema(description = "A day with fewer documented minutes attended is not billed") @NotNull @Min(1) @Max(1440) Integer minimumMinutes,
        @Schema(description = "The place of service of a day attended wholly by telehealth: 10 (the patient's home) or 02 (elsewhere); 10 when not given") @Pattern(regexp = "[0-9]{2}") String telehealthPlaceOfService,
        @Schema(description = "The procedure's modifier on a day attended wholly by telehealth: 95 (synchronous telehealth) or GT; 95 when not given") @Pattern(regexp = "[A-Z0-9]{2}") String telehealthModifier,
        @Schema(description = "The claim filing indicator of claims to the payer (SBR09): CI commercial, MC Medicaid, MB Medicare part B, BL Blue Cross Blue Shield, HM an HMO, ...; CI when not given") @Pattern(regexp = "[0-9A-Z]{1,2}") String claimFilingCode) {
}
