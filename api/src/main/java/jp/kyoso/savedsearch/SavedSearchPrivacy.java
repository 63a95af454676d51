package jp.kyoso.savedsearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person's saved searches in the export of their data, and gone with their account. */
@ApplicationScoped
public class SavedSearchPrivacy {

    @Schema(name = "MySavedSearchRecord")
    public record SavedSearchRecord(UUID id, String municipalityCode, String target, String name,
                                    @Schema(nullable = true) String q, @Schema(nullable = true) String kind,
                                    @Schema(nullable = true) String category, @Schema(nullable = true) String theme,
                                    @Schema(nullable = true) UUID areaId, OffsetDateTime createdAt) {
    }

    public List<SavedSearchRecord> export(UUID userId) {
        return SavedSearch.<SavedSearch>list("userId = ?1 order by createdAt, id", userId).stream()
                .map(s -> new SavedSearchRecord(s.id, s.municipalityCode, s.target.name(), s.name, s.q, s.kind,
                        s.category, s.theme, s.areaId, s.createdAt)).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseFor(UUID userId) {
        SavedSearch.delete("userId", userId);
    }
}
