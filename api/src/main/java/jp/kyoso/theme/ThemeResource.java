package jp.kyoso.theme;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Themes", description = "活動分野")
public class ThemeResource {

    @Schema(name = "Theme", description = "A theme of the fixed vocabulary (the 20 fields of the NPO Act)")
    public record ThemeView(Theme code,
                            @Schema(description = "Short label in the response language", examples = "防災・災害救援") String label,
                            @Schema(examples = "防災・災害救援") String labelJa,
                            @Schema(examples = "Disaster relief and preparedness") String labelEn,
                            @Schema(description = "The NPO Act's wording", examples = "災害救援活動") String statutoryWording) {
    }

    @Inject RequestLanguage language;

    @GET
    @Path("/themes")
    @Operation(operationId = "listThemes", summary = "List the theme vocabulary, in the order of the NPO Act")
    public Page<ThemeView> list() {
        return Page.all(Arrays.stream(Theme.values())
                .map(t -> new ThemeView(t, language.label(t), t.label().ja(), t.label().en(), t.statutoryWording()))
                .toList());
    }
}
