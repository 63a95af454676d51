package jp.kyoso.theme;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.Labelled;

/**
 * The fixed theme vocabulary: the 20 fields of activity of the NPO Act (特定非営利活動促進法
 * 別表), each with a short label for chips and match reasons and the Act's own wording.
 */
public enum Theme implements Labelled {
    HEALTH_WELFARE("保健・医療・福祉", "Health and welfare", "保健、医療又は福祉の増進を図る活動"),
    SOCIAL_EDUCATION("社会教育", "Social education", "社会教育の推進を図る活動"),
    COMMUNITY_DEVELOPMENT("まちづくり", "Community development", "まちづくりの推進を図る活動"),
    TOURISM("観光", "Tourism", "観光の振興を図る活動"),
    RURAL_DEVELOPMENT("農山漁村・中山間地域", "Rural development", "農山漁村又は中山間地域の振興を図る活動"),
    CULTURE_ARTS_SPORTS("学術・文化・芸術・スポーツ", "Culture, arts and sports", "学術、文化、芸術又はスポーツの振興を図る活動"),
    ENVIRONMENT("環境保全", "Environment", "環境の保全を図る活動"),
    DISASTER_RELIEF("防災・災害救援", "Disaster relief and preparedness", "災害救援活動"),
    COMMUNITY_SAFETY("地域安全", "Community safety", "地域安全活動"),
    HUMAN_RIGHTS_PEACE("人権・平和", "Human rights and peace", "人権の擁護又は平和の推進を図る活動"),
    INTERNATIONAL_COOPERATION("国際協力", "International cooperation", "国際協力の活動"),
    GENDER_EQUALITY("男女共同参画", "Gender equality", "男女共同参画社会の形成の促進を図る活動"),
    CHILDREN("子どもの健全育成", "Children and youth", "子どもの健全育成を図る活動"),
    INFORMATION_SOCIETY("情報化社会", "Information society", "情報化社会の発展を図る活動"),
    SCIENCE_TECHNOLOGY("科学技術", "Science and technology", "科学技術の振興を図る活動"),
    ECONOMIC_ACTIVITY("経済活動の活性化", "Economic activity", "経済活動の活性化を図る活動"),
    EMPLOYMENT_SKILLS("職業能力・雇用", "Skills and employment", "職業能力の開発又は雇用機会の拡充を支援する活動"),
    CONSUMER_PROTECTION("消費者保護", "Consumer protection", "消費者の保護を図る活動"),
    NPO_SUPPORT("団体の運営・活動支援", "Support for civic organisations",
            "前各号に掲げる活動を行う団体の運営又は活動に関する連絡、助言又は援助の活動"),
    OTHER_BY_ORDINANCE("条例で定める活動", "Activities set by ordinance",
            "前各号に掲げる活動に準ずる活動として都道府県又は指定都市の条例で定める活動");

    private final Label label;
    private final String statutoryWording;

    Theme(String ja, String en, String statutoryWording) {
        this.label = Label.of(ja, en);
        this.statutoryWording = statutoryWording;
    }

    @Override
    public Label label() {
        return label;
    }

    public String statutoryWording() {
        return statutoryWording;
    }
}
