package io.cairn.scheduling.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GenerateSessionsRequest", example = """
        {"from":"2026-11-30","to":"2027-02-28"}""")
public record GenerateSessionsRequest(@NotNull LocalDate from, @NotNull LocalDate to) {
}
