package jp.kyoso.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.indicator.IndicatorOpenData;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.opendata.OpenDataDtos.CatalogView;
import jp.kyoso.opendata.OpenDataDtos.DatasetView;
import jp.kyoso.opendata.OpenDataDtos.DistributionView;
import jp.kyoso.opendata.OpenDataDtos.LicenseView;
import jp.kyoso.organization.OrganizationDirectory;
import jp.kyoso.plan.PlanOpenData;
import jp.kyoso.statistics.StatisticsViews;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open-data catalog of a municipality: the datasets Kyoso publishes for it, each with its
 * licence, last change and files (docs/open-data.md), as JSON and as DCAT-AP JSON-LD for data
 * portals to harvest. Public: every file holds public data only.
 */
@ApplicationScoped
public class OpenDataCatalog {

    static final String CSV = "text/csv";

    @ConfigProperty(name = "kyoso.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject Municipalities municipalities;
    @Inject OpenDataService settings;
    @Inject StatisticsViews statistics;
    @Inject OrganizationDirectory organizations;
    @Inject PlanOpenData plans;
    @Inject IndicatorOpenData indicators;
    @Inject EntityManager em;

    public CatalogView catalog(String code) {
        Municipality m = municipalities.require(code);
        LicenseView license = settings.license(code);
        String api = publicUrl + "/api/v1/municipalities/" + code;
        List<DatasetView> items = new ArrayList<>();
        items.add(new DatasetView("events", "イベント一覧",
                m.name + "で公開中・終了したイベント（自治体標準オープンデータセット「イベント一覧」の列）",
                license, eventsModified(code), List.of(csv(api + "/events.csv"),
                new DistributionView("iCalendar", "text/calendar", api + "/events.ics"))));
        items.add(new DatasetView("population", "地域・年齢別人口",
                m.name + "の地域別・男女別・5歳階級別の人口と世帯数（自治体標準オープンデータセット「地域・年齢別人口」の列）",
                license, statistics.municipality(code).updatedAt(), List.of(csv(api + "/statistics/population.csv"))));
        items.add(new DatasetView("organizations", "団体一覧",
                m.name + "で活動する団体の公開情報（名称、種別、活動地域・分野、公開された連絡先）",
                license, organizations.modified(code), List.of(csv(api + "/organizations.csv"))));
        items.add(new DatasetView("plan-progress", "計画の進捗",
                m.name + "の公開された計画の年度別・項目別の進捗（状態ごとの項目数）",
                license, plans.modified(code), List.of(csv(api + "/plan-progress.csv"))));
        items.add(new DatasetView("indicators", "成果指標",
                m.name + "の成果指標の基準値・目標値・実績値（年度別）",
                license, indicators.modified(code), List.of(csv(api + "/indicators.csv"))));
        return new CatalogView(code, m.name + "のオープンデータ", m.name, license, items);
    }

    /** The catalog as DCAT-AP JSON-LD (dcat:Catalog with dcat:Dataset and dcat:Distribution). */
    public Map<String, Object> jsonLd(String code) {
        CatalogView catalog = catalog(code);
        String self = publicUrl + "/api/v1/municipalities/" + code + "/open-data";
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "foaf:Agent");
        publisher.put("foaf:name", catalog.publisher());
        List<Object> datasets = new ArrayList<>();
        for (DatasetView d : catalog.items()) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("@id", self + "#" + d.id());
            dataset.put("@type", "dcat:Dataset");
            dataset.put("dct:identifier", code + "-" + d.id());
            dataset.put("dct:title", Map.of("@value", d.title(), "@language", "ja"));
            dataset.put("dct:description", Map.of("@value", d.description(), "@language", "ja"));
            dataset.put("dct:publisher", publisher);
            if (d.modified() != null) {
                dataset.put("dct:modified", Map.of("@value", d.modified().withOffsetSameInstant(ZoneOffset.UTC)
                        .withNano(0).toString(), "@type", "xsd:dateTime"));
            }
            dataset.put("dct:license", license(d.license()));
            List<Object> distributions = new ArrayList<>();
            for (DistributionView x : d.distributions()) {
                Map<String, Object> distribution = new LinkedHashMap<>();
                distribution.put("@type", "dcat:Distribution");
                distribution.put("dcat:accessURL", Map.of("@id", x.url()));
                distribution.put("dcat:downloadURL", Map.of("@id", x.url()));
                distribution.put("dcat:mediaType", x.mediaType());
                distribution.put("dct:format", x.format());
                distribution.put("dct:license", license(d.license()));
                distributions.add(distribution);
            }
            dataset.put("dcat:distribution", distributions);
            datasets.add(dataset);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@context", context);
        root.put("@id", self);
        root.put("@type", "dcat:Catalog");
        root.put("dct:title", Map.of("@value", catalog.title(), "@language", "ja"));
        root.put("dct:publisher", publisher);
        root.put("dct:license", license(catalog.license()));
        root.put("dcat:dataset", datasets);
        return root;
    }

    private static Object license(LicenseView license) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (license.url() != null) {
            m.put("@id", license.url());
        }
        m.put("@type", "dct:LicenseDocument");
        m.put("dct:title", license.name());
        return m;
    }

    private static DistributionView csv(String url) {
        return new DistributionView("CSV", CSV, url);
    }

    private OffsetDateTime eventsModified(String code) {
        Object latest = em.createNativeQuery("select max(updated_at) from event where municipality_code = ?1 "
                        + "and deleted_at is null and status in ('PUBLISHED', 'CLOSED')")
                .setParameter(1, code).getSingleResult();
        if (latest instanceof OffsetDateTime t) {
            return t;
        }
        if (latest instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (latest instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
