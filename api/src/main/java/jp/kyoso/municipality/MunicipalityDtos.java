package jp.kyoso.municipality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The municipality resource as clients read and write it. */
public final class MunicipalityDtos {

    private MunicipalityDtos() {
    }

    @Schema(name = "Municipality")
    public record MunicipalityView(
            @Schema(description = "全国地方公共団体コード (6 digits with check digit)", examples = "352161") String code,
            @Schema(examples = "山陽小野田市") String name,
            @Schema(examples = "さんようおのだし") String nameKana,
            @Schema(examples = "山口県") String prefecture,
            CoCreationTerm conceptTerm,
            @Schema(description = "The municipality's word for the concept, in the response language", examples = "協創") String conceptLabel,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    @Schema(name = "MunicipalityCreate")
    public record MunicipalityCreate(
            @NotBlank @Pattern(regexp = "[0-9]{6}") @Schema(examples = "352161", pattern = "^[0-9]{6}$") String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String nameKana,
            @NotBlank @Size(max = 10) String prefecture,
            @NotNull CoCreationTerm conceptTerm) {
    }
}
