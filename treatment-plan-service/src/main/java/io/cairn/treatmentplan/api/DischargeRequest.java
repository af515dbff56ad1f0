package io.cairn.treatmentplan.api;

import io.cairn.contracts.events.DischargeReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param dischargedOn the last day in the program; today when left out */
@Schema(name = "DischargeRequest", example = """
        {"reason":"against-medical-advice","dischargedOn":"2026-12-10","note":"Left after a family dispute"}""")
public record DischargeRequest(@NotNull DischargeReason reason, @PastOrPresent LocalDate dischargedOn,
        @Size(max = 2000) String note) {
}
