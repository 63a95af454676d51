package jp.kyoso.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.opendata.OpenDataDtos.LicenseView;
import jp.kyoso.opendata.OpenDataDtos.SettingsView;
import jp.kyoso.opendata.OpenDataDtos.SettingsWrite;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A municipality's open-data settings: the licence of its files (CC BY 4.0 unless its staff name
 * another) and the https origins allowed to frame its embeds. Everyone reads them; staff of the
 * municipality replace them (If-Match).
 */
@ApplicationScoped
public class OpenDataService {

    public static final LicenseView DEFAULT_LICENSE = new LicenseView("CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/deed.ja");

    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject Changes changes;
    @Inject EntityManager em;

    public SettingsView get(String code) {
        municipalities.require(code);
        return view(code, OpenDataSettings.findById(code));
    }

    public LicenseView license(String code) {
        return license((OpenDataSettings) OpenDataSettings.findById(code));
    }

    /** The origins allowed to frame the municipality's embeds; empty: none. */
    public List<String> embedOrigins(String code) {
        OpenDataSettings s = OpenDataSettings.findById(code);
        return s == null || s.embedOrigins == null ? List.of() : List.of(s.embedOrigins);
    }

    @Transactional
    public SettingsView replace(String code, String ifMatch, SettingsWrite write) {
        municipalities.require(code);
        access.requireStaff(code);
        String name = blankToNull(write.licenseName());
        String url = blankToNull(write.licenseUrl());
        if (url != null && !isHttpsUrl(url)) {
            throw Problems.invalidField("licenseUrl", Label.of("https:// で始まるアドレスを入力してください",
                    "An address starting with https://"));
        }
        if (name == null && url != null) {
            throw Problems.invalidField("licenseName", Label.of("ライセンスのアドレスにはライセンス名も入力してください",
                    "Give the licence's name with its address"));
        }
        String[] origins = origins(write.embedOrigins());
        em.createNativeQuery("insert into open_data_settings (municipality_code) values (?1) on conflict do nothing")
                .setParameter(1, code).executeUpdate();
        OpenDataSettings settings = OpenDataSettings.findById(code);
        changes.update(settings, ifMatch, new Changes.Audited(code, "openData.settings.replace", "openDataSettings", code),
                OpenDataService::auditState, s -> {
                    s.licenseName = name;
                    s.licenseUrl = name == null ? null : url;
                    s.embedOrigins = origins;
                });
        return view(code, settings);
    }

    /** Each origin as {@code https://host[:port]}, lower case, once; anything else is a 400 naming the field. */
    static String[] origins(List<String> given) {
        Set<String> origins = new LinkedHashSet<>();
        List<String> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            String origin = origin(list.get(i));
            if (origin == null) {
                throw Problems.invalidField("embedOrigins[" + i + "]", Label.of(
                        "https://www.city.example.lg.jp のような https のオリジン（パスなし）を入力してください",
                        "An https origin without a path, such as https://www.city.example.lg.jp"));
            }
            origins.add(origin);
        }
        return origins.toArray(String[]::new);
    }

    private static String origin(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("(?i)https://[a-z0-9.-]+(:\\d{1,5})?")) {
            return null;
        }
        try {
            URI uri = new URI(s);
            if (uri.getHost() == null || uri.getHost().startsWith(".") || uri.getHost().endsWith(".")
                    || !uri.getHost().contains(".") && !uri.getHost().equalsIgnoreCase("localhost")) {
                return null;
            }
            if (uri.getPort() > 65535) {
                return null;
            }
        } catch (URISyntaxException e) {
            return null;
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static boolean isHttpsUrl(String text) {
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !text.matches(".*\\s.*");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static LicenseView license(OpenDataSettings s) {
        return s == null || s.licenseName == null ? DEFAULT_LICENSE : new LicenseView(s.licenseName, s.licenseUrl);
    }

    private static SettingsView view(String code, OpenDataSettings s) {
        return new SettingsView(code, license(s), s == null || s.licenseName == null,
                s == null || s.embedOrigins == null ? List.of() : List.of(s.embedOrigins),
                s == null ? 0 : s.version, s == null ? null : s.updatedAt);
    }

    private static Map<String, Object> auditState(OpenDataSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("licenseName", s.licenseName);
        m.put("licenseUrl", s.licenseUrl);
        m.put("embedOrigins", s.embedOrigins == null ? List.of() : new ArrayList<>(List.of(s.embedOrigins)));
        return m;
    }
}
