package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.event.EventDtos.Answer;
import jp.kyoso.event.EventDtos.Question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Answers to an event's extra questions checked against them: known keys, options offered, required ones given. */
@ApplicationScoped
public class RegistrationAnswers {

    @Inject EventViews views;

    /** The answers as stored (question key → text, list of options, or true/false); 400 naming the answer otherwise. */
    String check(List<Question> questions, List<Answer> given) {
        Map<String, Question> byKey = new HashMap<>();
        questions.forEach(q -> byKey.put(q.key(), q));
        Map<String, Object> out = new LinkedHashMap<>();
        List<Answer> answers = given == null ? List.of() : given;
        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i);
            String field = "answers[" + i + "]";
            Question q = byKey.get(a.key());
            if (q == null) {
                throw Problems.invalidField(field + ".key", Label.of("このイベントにない質問です", "No such question"));
            }
            if (out.containsKey(a.key())) {
                throw Problems.invalidField(field + ".key", Label.of("同じ質問に二度答えています", "Answered twice"));
            }
            Object value = switch (q.kind()) {
                case TEXT -> a.text() == null || a.text().isBlank() ? null : a.text().strip();
                case CHECKBOX -> a.checked();
                case SINGLE_CHOICE, MULTIPLE_CHOICE -> choices(q, a, field);
            };
            if (value != null) {
                out.put(a.key(), value);
            }
        }
        for (Question q : questions) {
            Object v = out.get(q.key());
            boolean missing = v == null || Boolean.FALSE.equals(v) && q.kind() == QuestionKind.CHECKBOX;
            if (Boolean.TRUE.equals(q.required()) && missing) {
                throw Problems.invalidField("answers", Label.of("必須の質問「" + q.label() + "」に答えてください",
                        "The question \"" + q.label() + "\" needs an answer"));
            }
        }
        return views.answersJson(out);
    }

    private static Object choices(Question q, Answer a, String field) {
        List<String> chosen = a.choices() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(a.choices().stream().map(String::strip).toList()));
        for (String c : chosen) {
            if (!q.options().contains(c)) {
                throw Problems.invalidField(field + ".choices", Label.of("選択肢にない回答です", "Not one of the options"));
            }
        }
        if (chosen.isEmpty()) {
            return null;
        }
        if (q.kind() == QuestionKind.SINGLE_CHOICE) {
            if (chosen.size() > 1) {
                throw Problems.invalidField(field + ".choices", Label.of("選択肢は一つだけ選んでください",
                        "Choose one option only"));
            }
            return chosen.get(0);
        }
        return chosen;
    }
}
