package io.cairn.billing.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EligibilityRequest", example = """
        {"coverageId":"4c2e8a1f-7b3d-4e9a-8f6c-2d1b9e7a5c30"}""")
public record EligibilityRequest(@Schema(description = "The coverage to ask its payer about") @NotNull UUID coverageId) {
}
