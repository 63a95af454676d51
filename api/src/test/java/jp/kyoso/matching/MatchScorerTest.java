package jp.kyoso.matching;

import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchScorerTest {

    static final UUID DISTRICT = UUID.randomUUID();
    static final UUID ZONE = UUID.randomUUID();
    static final UUID TOWN = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();
    static final AreaTree AREAS = new AreaTree(Map.of(
            DISTRICT, new AreaTree.Node(DISTRICT, null, "赤崎地区"),
            ZONE, new AreaTree.Node(ZONE, DISTRICT, "赤崎小学校区"),
            TOWN, new AreaTree.Node(TOWN, ZONE, "西高泊"),
            OTHER, new AreaTree.Node(OTHER, null, "須恵地区")));

    static MatchFeatures listing(ListingKind kind, ListingCategory category, String title, String description,
                                 List<String> themes, List<UUID> areas, Integer remaining, String unit) {
        return new MatchFeatures(UUID.randomUUID(), UUID.randomUUID(), kind, category, themes.toArray(String[]::new),
                areas.toArray(UUID[]::new), MatchTerms.keysOf(title, description), remaining, unit);
    }

    @Test
    void theSameThingInOtherWordsBeatsSameCategoryThemeAndArea() {
        MatchFeatures need = listing(ListingKind.NEED, ListingCategory.GOODS, "段ボールベッドを借りたい", "訓練で使います",
                List.of("DISASTER_RELIEF"), List.of(TOWN), 20, "台");
        MatchFeatures beds = listing(ListingKind.HAVE, ListingCategory.GOODS, "簡易ベッドの貸し出し", "倉庫に備蓄",
                List.of("ENVIRONMENT"), List.of(OTHER), 50, "台");
        MatchFeatures nearby = listing(ListingKind.HAVE, ListingCategory.GOODS, "花の苗をお分けします", "花壇づくりに",
                List.of("DISASTER_RELIEF"), List.of(TOWN), null, null);
        double same = MatchScorer.score(need, beds, AREAS).value();
        double close = MatchScorer.score(need, nearby, AREAS).value();
        assertTrue(same > close, same + " > " + close);
    }

    @Test
    void reasonsAddUpToTheScore() {
        MatchFeatures need = listing(ListingKind.NEED, ListingCategory.GOODS, "段ボールベッド", "防災訓練で使う",
                List.of("DISASTER_RELIEF", "CHILDREN"), List.of(TOWN), 20, "台");
        MatchFeatures have = listing(ListingKind.HAVE, ListingCategory.GOODS, "ダンボールベッド 10台", "避難所用",
                List.of("DISASTER_RELIEF"), List.of(DISTRICT), 10, "台");
        MatchScorer.Score score = MatchScorer.score(need, have, AREAS);
        double sum = score.reasons().stream().mapToDouble(MatchScorer.Reason::weight).sum();
        // The only part without a reason is the neutral quantity credit when quantities are unknown.
        assertEquals(score.value(), sum, 1e-9);
        assertTrue(score.reasons().stream().anyMatch(r -> r.code() == ReasonCode.PARENT_CHILD_AREA
                && r.values().equals(List.of(TOWN.toString(), DISTRICT.toString()))));
        assertTrue(score.reasons().stream().anyMatch(r -> r.code() == ReasonCode.QUANTITY_PARTIAL));
        assertTrue(score.reasons().stream().anyMatch(r -> r.code() == ReasonCode.SHARED_THEMES
                && r.weight() == MatchScorer.W_THEMES / 2));
    }

    @Test
    void scoresStayInZeroToOneAndAreDeterministic() {
        String[] words = {"段ボールベッド", "毛布", "会議室", "講師", "助成金", "ボランティア", "テント", "パソコン", "草刈り",
                "子ども食堂", "通訳", "夏祭り", "チラシ"};
        ListingCategory[] categories = ListingCategory.values();
        List<UUID> areas = List.of(DISTRICT, ZONE, TOWN, OTHER);
        Map<Integer, Double> first = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            Random r = new Random(42);
            for (int i = 0; i < 500; i++) {
                MatchFeatures need = random(r, ListingKind.NEED, words, categories, areas);
                MatchFeatures have = random(r, ListingKind.HAVE, words, categories, areas);
                double score = MatchScorer.score(need, have, AREAS).value();
                assertTrue(score >= 0 && score <= 1, "in [0, 1]: " + score);
                if (round == 0) {
                    first.put(i, score);
                } else {
                    assertEquals(first.get(i), score);
                }
            }
        }
    }

    private static MatchFeatures random(Random r, ListingKind kind, String[] words, ListingCategory[] categories,
                                        List<UUID> areas) {
        String text = words[r.nextInt(words.length)] + "と" + words[r.nextInt(words.length)];
        List<UUID> area = r.nextBoolean() ? List.of() : List.of(areas.get(r.nextInt(areas.size())));
        Integer quantity = r.nextBoolean() ? null : 1 + r.nextInt(50);
        return new MatchFeatures(new UUID(0, r.nextInt()), UUID.randomUUID(), kind, categories[r.nextInt(categories.length)],
                r.nextBoolean() ? new String[]{"CHILDREN"} : new String[]{"CHILDREN", "DISASTER_RELIEF"},
                area.toArray(UUID[]::new), MatchTerms.keysOf(text, null), quantity, "個");
    }
}
