package jp.kyoso.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jp.kyoso.area.Area;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.theme.Theme;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The organisation directory as open data (団体一覧): the ACTIVE organisations of a municipality
 * with their public fields only. A contact detail is in the file only where the organisation
 * published it (its {@code contact…Public} flag); members, messages, pending and suspended
 * organisations never are. The columns are documented in docs/open-data.md.
 */
@ApplicationScoped
public class OrganizationDirectory {

    /** The file's columns, in order. */
    public static final List<String> HEADER = List.of("都道府県コード又は市区町村コード", "団体ID", "名称", "名称_カナ",
            "種別", "結びつき", "活動地域", "活動分野", "説明", "ウェブサイト", "連絡先名称", "連絡先メールアドレス",
            "連絡先電話番号", "更新日");

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** The file, UTF-8 with BOM and CRLF. */
    public byte[] csv(String code) {
        return Csv.write(rows(code, Organization.list(
                "municipalityCode = ?1 and status = ?2 and deletedAt is null order by name, id",
                code, OrganizationStatus.ACTIVE)));
    }

    /** When the directory last changed: the latest change of an organisation in it, or null when it is empty. */
    public OffsetDateTime modified(String code) {
        return Organization.<Organization>list("municipalityCode = ?1 and status = ?2 and deletedAt is null",
                code, OrganizationStatus.ACTIVE).stream().map(o -> o.updatedAt).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
    }

    static List<List<String>> rows(String code, List<Organization> organizations) {
        Map<UUID, String> areaNames = new HashMap<>();
        Area.ofMunicipality(code).forEach(a -> areaNames.put(a.id, a.name));
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Organization o : organizations) {
            rows.add(List.of(code, o.id.toString(), Csv.text(o.name), Csv.text(o.nameKana), o.type.label().ja(),
                    o.bond.label().ja(),
                    Csv.text(o.areaIds == null ? "" : Arrays.stream(o.areaIds).map(areaNames::get)
                            .filter(Objects::nonNull).collect(Collectors.joining(";"))),
                    Csv.text(o.themes == null ? "" : Arrays.stream(o.themes).map(OrganizationDirectory::theme)
                            .collect(Collectors.joining(";"))),
                    Csv.text(o.description), Csv.text(o.website),
                    o.contactNamePublic ? Csv.text(o.contactName) : "",
                    o.contactEmailPublic ? Csv.text(o.contactEmail) : "",
                    o.contactPhonePublic ? Csv.text(o.contactPhone) : "",
                    o.updatedAt == null ? "" : o.updatedAt.atZoneSameInstant(JAPAN).toLocalDate().toString()));
        }
        return rows;
    }

    private static String theme(String key) {
        try {
            return Theme.valueOf(key).label().ja();
        } catch (IllegalArgumentException e) {
            return key;
        }
    }
}
