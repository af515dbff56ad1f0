package io.cairn.intake.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevocationRequest", example = """
        {"reason":"Patient asked in writing to stop sharing with this provider"}""")
public record RevocationRequest(@Size(max = 1000) String reason) {
}
