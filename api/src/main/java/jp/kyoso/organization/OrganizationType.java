package jp.kyoso.organization;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/** 主体・団体の種類 (organisation type). */
public enum OrganizationType implements Labelled {
    NEIGHBOURHOOD_ASSOCIATION(Label.of("自治会・町内会", "Neighbourhood association")),
    COMMUNITY_COUNCIL(Label.of("地域づくり協議会・地域運営組織", "Community council")),
    CIVIC_GROUP(Label.of("市民活動団体・NPO法人", "Citizen group / NPO")),
    BUSINESS(Label.of("事業者", "Business")),
    EDUCATION(Label.of("教育機関", "Educational institution")),
    GOVERNMENT(Label.of("行政", "Government department")),
    INTERMEDIARY(Label.of("中間支援組織", "Intermediary support organisation")),
    SOCIAL_WELFARE_COUNCIL(Label.of("社会福祉協議会", "Social welfare council")),
    OTHER(Label.of("その他", "Other"));

    private final Label label;

    OrganizationType(Label label) {
        this.label = label;
    }

    @Override
    public Label label() {
        return label;
    }
}
