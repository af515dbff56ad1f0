package io.cairn.billing.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CoverageEnd", example = """
        {"endsOn":"2026-12-31"}""")
public record CoverageEnd(@Schema(description = "The last day covered") @NotNull LocalDate endsOn) {
}
