package io.cairn.billing.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ClaimRequest", example = """
        {"payerId":"0b6f2f4e-8f1a-4c3e-9d2b-5a7c1e9f3b21","through":"2026-11-30"}""")
public record ClaimRequest(@NotNull UUID payerId,
        @Schema(description = "The last service date claimed: open charges of that day and before are") @NotNull LocalDate through) {
}
