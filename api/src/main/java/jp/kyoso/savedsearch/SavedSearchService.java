package jp.kyoso.savedsearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.area.Area;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.Person;
import jp.kyoso.core.web.Params;
import jp.kyoso.event.EventKind;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.savedsearch.SavedSearchDtos.SavedSearchView;
import jp.kyoso.savedsearch.SavedSearchDtos.SavedSearchWrite;
import jp.kyoso.theme.Theme;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A person's saved searches: listed, saved and deleted by that person only. The criteria are those
 * of the listing search and the event search, checked the same way (one parser per parameter).
 */
@ApplicationScoped
public class SavedSearchService {

    /** How many saved searches one person may keep. */
    public static final int MAX_PER_PERSON = 50;

    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    public Page<SavedSearchView> mine(PageParams paging) {
        Person user = access.requireUser();
        var query = SavedSearch.<SavedSearch>find("userId = ?1 order by createdAt desc, id", user.id());
        return Page.load(query, paging).map(this::view);
    }

    @Transactional
    public SavedSearch save(SavedSearchWrite write) {
        Person user = access.requireUser();
        if (Municipality.findById(write.municipalityCode()) == null) {
            throw Problems.invalidField("municipalityCode", Label.of("この自治体は登録されていません",
                    "No municipality with this code"));
        }
        String kind = switch (write.target()) {
            case LISTING -> name(Params.enumValue("kind", ListingKind.class, write.kind()));
            case EVENT -> name(Params.enumValue("kind", EventKind.class, write.kind()));
        };
        if (write.target() == SavedSearchTarget.EVENT && write.category() != null) {
            throw Problems.invalidField("category", Label.of("分野は有る・無いの検索だけで指定できます",
                    "A category applies to listing searches only"));
        }
        if (write.areaId() != null) {
            Area area = Area.findById(write.areaId());
            if (area == null || !area.municipalityCode.equals(write.municipalityCode())) {
                throw Problems.invalidField("areaId", Label.of("この自治体の地域ではありません",
                        "Not an area of this municipality"));
            }
        }
        if (SavedSearch.count("userId", user.id()) >= MAX_PER_PERSON) {
            throw Problems.invalidField("target", Label.of("保存できる検索は " + MAX_PER_PERSON + " 件までです。不要なものを削除してください",
                    "At most " + MAX_PER_PERSON + " saved searches per person; delete one first"));
        }
        SavedSearch s = new SavedSearch();
        s.id = UUID.randomUUID();
        s.userId = user.id();
        s.municipalityCode = write.municipalityCode();
        s.target = write.target();
        s.q = blankToNull(write.q() == null ? null : write.q().strip());
        s.qTerms = s.q == null ? new String[0] : JapaneseText.queryTerms(s.q).toArray(String[]::new);
        s.kind = kind;
        s.category = name(write.category());
        s.theme = name(write.theme());
        s.areaId = write.areaId();
        s.name = blankToNull(write.name() == null ? null : write.name().strip());
        if (s.name == null) {
            s.name = defaultName(s, write);
        }
        s.createdAt = OffsetDateTime.now();
        s.persistAndFlush();
        audit.record(s.municipalityCode, "saved-search.create", "saved-search", s.id, null, view(s));
        return s;
    }

    @Transactional
    public void delete(UUID id) {
        SavedSearch s = requireMine(id);
        audit.record(s.municipalityCode, "saved-search.delete", "saved-search", s.id, view(s), null);
        s.delete();
    }

    SavedSearch requireMine(UUID id) {
        Person user = access.requireUser();
        SavedSearch s = id == null ? null : SavedSearch.findById(id);
        if (s == null || !s.userId.equals(user.id())) {
            // Someone else's saved search does not exist for this caller.
            throw Problems.notFound(Label.of("保存した検索が見つかりません", "No such saved search"));
        }
        return s;
    }

    /** 「防災 × 無い × 人材」: the criteria, in Japanese (the stored name does not follow the reader's language). */
    private static String defaultName(SavedSearch s, SavedSearchWrite write) {
        List<String> parts = new ArrayList<>();
        if (s.q != null) {
            parts.add(s.q);
        }
        if (write.theme() != null) {
            parts.add(write.theme().label().ja());
        }
        if (write.kind() != null) {
            Labelled kind = s.target == SavedSearchTarget.LISTING ? ListingKind.valueOf(s.kind) : EventKind.valueOf(s.kind);
            parts.add(kind.label().ja());
        }
        if (write.category() != null) {
            parts.add(write.category().label().ja());
        }
        if (s.areaId != null) {
            parts.add(((Area) Area.findById(s.areaId)).name);
        }
        String criteria = parts.isEmpty() ? "すべて" : String.join(" × ", parts);
        String name = s.target.label().ja() + ": " + criteria;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public SavedSearchView view(SavedSearch s) {
        Labelled kind = s.kind == null ? null
                : s.target == SavedSearchTarget.LISTING ? ListingKind.valueOf(s.kind) : EventKind.valueOf(s.kind);
        ListingCategory category = s.category == null ? null : ListingCategory.valueOf(s.category);
        Theme theme = s.theme == null ? null : Theme.valueOf(s.theme);
        return new SavedSearchView(s.id, s.municipalityCode, s.target, language.label(s.target), s.name, s.q, s.kind,
                kind == null ? null : language.label(kind), category,
                category == null ? null : language.label(category), theme,
                theme == null ? null : language.label(theme), s.areaId, s.createdAt);
    }
}
