package jp.kyoso.matching;

import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.search.JapaneseText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching vocabulary ({@code vocabulary.tsv} beside this class): concepts — one resource and
 * the ways people write it (段ボールベッド / ダンボールベッド / 簡易ベッド) — grouped into topics of
 * related resources, and the general words that never count as shared. Loaded once; immutable.
 */
public final class Vocabulary {

    public record Topic(String id, Label label) {
    }

    /** One resource: its topic, how much sharing it says (0-1), its label and its folded forms. */
    public record Concept(String id, Topic topic, double weight, Label label, List<String> forms) {
    }

    private static final Vocabulary INSTANCE = load();

    private final Map<String, Topic> topics;
    private final Map<String, Concept> concepts;
    private final Map<String, Concept> byKey;
    private final Set<String> stopWords;
    private final Set<String> forms;

    private Vocabulary(Map<String, Topic> topics, Map<String, Concept> concepts, Set<String> stopWords) {
        this.topics = Collections.unmodifiableMap(topics);
        this.concepts = Collections.unmodifiableMap(concepts);
        Map<String, Concept> keyed = new HashMap<>();
        concepts.values().forEach(c -> keyed.put(MatchTerms.CONCEPT + c.id(), c));
        this.byKey = keyed; // a HashMap: looked up per key of every scored counterpart
        this.stopWords = Collections.unmodifiableSet(stopWords);
        Set<String> all = new HashSet<>();
        concepts.values().forEach(c -> all.addAll(c.forms()));
        this.forms = Collections.unmodifiableSet(all);
    }

    /** Whether this folded word is one of the ways a concept is written. */
    public boolean isForm(String folded) {
        return forms.contains(folded);
    }

    public static Vocabulary get() {
        return INSTANCE;
    }

    /** Every concept, in file order (so that extraction is deterministic). */
    public Iterable<Concept> concepts() {
        return concepts.values();
    }

    public Concept concept(String id) {
        return concepts.get(id);
    }

    /** The concept a matching key ({@code c:<id>}) stands for, or null. */
    public Concept conceptOfKey(String key) {
        return byKey.get(key);
    }

    public Topic topic(String id) {
        return topics.get(id);
    }

    public boolean isStopWord(String folded) {
        return stopWords.contains(folded);
    }

    private static Vocabulary load() {
        Map<String, Topic> topics = new LinkedHashMap<>();
        Map<String, Concept> concepts = new LinkedHashMap<>();
        Set<String> stop = new HashSet<>();
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.tsv is missing from the matching package");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols[0].equals("@topic")) {
                    topics.put(cols[1], new Topic(cols[1], Label.of(cols[2], cols[3])));
                } else if (cols[0].equals("@stop")) {
                    for (String word : cols[1].split(",")) {
                        stop.add(JapaneseText.fold(word));
                    }
                } else {
                    if (cols.length != 6) {
                        throw new IllegalStateException("vocabulary.tsv line " + number + ": expected 6 columns");
                    }
                    Topic topic = topics.get(cols[1]);
                    if (topic == null) {
                        throw new IllegalStateException("vocabulary.tsv line " + number + ": unknown topic " + cols[1]);
                    }
                    List<String> forms = new ArrayList<>();
                    forms.add(JapaneseText.fold(cols[3]));
                    for (String form : cols[5].split(",")) {
                        String folded = JapaneseText.fold(form);
                        if (folded.length() >= 2 && !forms.contains(folded)) {
                            forms.add(folded);
                        }
                    }
                    if (concepts.put(cols[0], new Concept(cols[0], topic, Double.parseDouble(cols[2]),
                            Label.of(cols[3], cols[4]), List.copyOf(forms))) != null) {
                        throw new IllegalStateException("vocabulary.tsv line " + number + ": duplicate " + cols[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Vocabulary(topics, concepts, stop);
    }
}
