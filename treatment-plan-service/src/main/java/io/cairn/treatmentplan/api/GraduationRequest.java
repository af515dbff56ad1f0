package io.cairn.treatmentplan.api;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param dischargedOn the last day in the program; today when left out
 * @param overrideReason required to graduate a patient who misses a graduation criterion
 */
@Schema(name = "GraduationRequest", example = """
        {"dischargedOn":"2027-01-22"}""")
public record GraduationRequest(@PastOrPresent LocalDate dischargedOn, @Size(max = 2000) String overrideReason) {
}
