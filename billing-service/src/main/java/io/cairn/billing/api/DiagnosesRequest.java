package io.cairn.billing.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DiagnosesRequest", example = """
        {"codes":["F10.20","F32.1"]}""")
public record DiagnosesRequest(
        @Schema(description = "ICD-10-CM codes, the principal diagnosis first; at most 12, as a claim carries") @NotEmpty @Size(max = 12) List<@NotNull @Pattern(regexp = "[A-TV-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?") String> codes) {
}
