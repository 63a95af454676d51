package jp.kyoso.matching;

import jp.kyoso.core.search.JapaneseText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The text part of {@link MatchScorer}'s score, for one listing against each of its counterparts:
 * the listing's key set, the sum of its key weights and the folded forms of its words are worked out
 * once, when it is made.
 */
final class SharedKeys {

    private final Set<String> keys;
    private final double keySum;
    private final Map<String, String> foldedWords = new HashMap<>();

    SharedKeys(String[] keys) {
        this.keys = new HashSet<>(Arrays.asList(keys));
        double sum = 0;
        for (String k : keys) {
            sum += MatchScorer.keyWeight(k);
            if (!k.startsWith(MatchTerms.CONCEPT) && !k.startsWith(MatchTerms.TOPIC)) {
                foldedWords.put(k, JapaneseText.fold(k.substring(2)));
            }
        }
        this.keySum = sum;
    }

    /** The text part is symmetric: the keys both have, against the weight of each side's keys. */
    double text(String[] otherKeys, List<MatchScorer.Reason> reasons) {
        double otherSum = 0;
        List<String> shared = null;
        for (String k : otherKeys) {
            otherSum += MatchScorer.keyWeight(k);
            if (keys.contains(k)) {
                if (shared == null) {
                    shared = new ArrayList<>(4);
                }
                shared.add(k);
            }
        }
        if (keySum == 0 || otherSum == 0 || shared == null) {
            return 0;
        }
        Set<String> concepts = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        Map<String, String> words = new TreeMap<>(); // the word as written → folded
        for (String k : shared) {
            String value = k.substring(2);
            switch (k.substring(0, 2)) {
                case MatchTerms.CONCEPT -> concepts.add(value);
                case MatchTerms.TOPIC -> topics.add(value);
                default -> words.put(value, foldedWords.get(k));
            }
        }
        Vocabulary vocabulary = Vocabulary.get();
        double norm = Math.sqrt(keySum * otherSum);
        double conceptPart = 0;
        Set<String> coveredTopics = new HashSet<>();
        List<String> conceptForms = new ArrayList<>();
        for (String id : concepts) {
            Vocabulary.Concept concept = vocabulary.concept(id);
            if (concept != null) {
                conceptPart += concept.weight();
                coveredTopics.add(concept.topic().id());
                conceptForms.addAll(concept.forms());
            }
        }
        double topicPart = 0;
        List<String> relatedTopics = new ArrayList<>();
        for (String topic : topics) {
            if (coveredTopics.contains(topic)) {
                conceptPart += MatchScorer.TOPIC_KEY;
            } else {
                topicPart += MatchScorer.TOPIC_KEY;
                relatedTopics.add(topic);
            }
        }
        double wordPart = 0;
        List<String> otherWords = new ArrayList<>();
        for (Map.Entry<String, String> word : words.entrySet()) {
            if (conceptForms.stream().anyMatch(word.getValue()::contains)) {
                conceptPart += MatchScorer.WORD_KEY; // the concept's own word, written the same on both sides
            } else {
                wordPart += MatchScorer.WORD_KEY;
                otherWords.add(word.getKey());
            }
        }
        double sharedWeight = conceptPart + topicPart + wordPart;
        double text = MatchScorer.W_TEXT * Math.sqrt(Math.min(1.0, sharedWeight / norm));
        // The text part is split over its reasons in proportion to what each shared.
        MatchScorer.addIf(reasons, ReasonCode.SHARED_CONCEPTS, text * conceptPart / sharedWeight, List.copyOf(concepts));
        MatchScorer.addIf(reasons, ReasonCode.SHARED_WORDS, text * wordPart / sharedWeight, otherWords);
        MatchScorer.addIf(reasons, ReasonCode.RELATED_TOPICS, text * topicPart / sharedWeight, relatedTopics);
        return text;
    }
}
