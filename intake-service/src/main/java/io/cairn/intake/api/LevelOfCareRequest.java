package io.cairn.intake.api;

import io.cairn.contracts.events.LevelOfCare;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param reason required when the level differs from the recommended one */
@Schema(name = "LevelOfCareRequest", example = """
        {"levelOfCare":"2.1","reason":"Stable housing and a supportive partner; prefers to keep working"}""")
public record LevelOfCareRequest(@NotNull LevelOfCare levelOfCare, @Size(max = 2000) String reason) {
}
