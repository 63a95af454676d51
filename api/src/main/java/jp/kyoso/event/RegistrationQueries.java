package jp.kyoso.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.csv.Csv;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.security.Person;
import jp.kyoso.event.EventDtos.Answer;
import jp.kyoso.event.EventDtos.Question;
import jp.kyoso.event.EventDtos.RegistrationView;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading registrations: the organisers' list (with the waitlist) and its CSV, one registration, my own. */
@ApplicationScoped
public class RegistrationQueries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Inject Events events;
    @Inject EventViews views;
    @Inject RequestLanguage language;

    /** Everyone who registered, in arrival order, with the waitlist (organisers only); {@code status} narrows it. */
    public Page<RegistrationView> list(UUID eventId, RegistrationStatus status, PageParams paging) {
        Event event = events.requireVisible(eventId);
        events.accessTo(event).requireOrganizer();
        var query = status == null
                ? EventRegistration.<EventRegistration>find("eventId = ?1 order by arrival", event.id)
                : EventRegistration.<EventRegistration>find("eventId = ?1 and status = ?2 order by arrival", event.id, status);
        Page<EventRegistration> page = Page.load(query, paging);
        return page.with(views.registrations(page.items(), Map.of(event.id, event)));
    }

    public RegistrationView get(UUID eventId, UUID registrationId) {
        Event event = events.requireVisible(eventId);
        events.requireUser();
        return views.registration(event, events.requireRegistration(event, registrationId));
    }

    /** The caller's registrations, the latest first. */
    public Page<RegistrationView> mine(PageParams paging) {
        Person user = events.requireUser();
        var query = EventRegistration.<EventRegistration>find(
                "userId = ?1 order by createdAt desc, id", user.id());
        Page<EventRegistration> page = Page.load(query, paging);
        Map<UUID, Event> byId = ByIds.load(Event.class, page.items().stream().map(r -> r.eventId).toList());
        return page.with(views.registrations(page.items(), byId));
    }

    /** Every registration as CSV for Excel (UTF-8 with BOM): one column per extra question. */
    public Export csv(UUID eventId) {
        Event event = events.requireVisible(eventId);
        events.accessTo(event).requireOrganizer();
        List<Question> questions = views.questions(event);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(
                text("番号", "No"), text("状態", "Status"), text("キャンセル待ち順", "Waitlist position"),
                text("氏名", "Name"), text("メールアドレス", "E-mail"), text("区分", "Type"),
                text("受付番号", "Code"), text("申込日時", "Registered at"), text("受付日時", "Checked in at"),
                text("取消日時", "Cancelled at"), text("参加を公開", "Shown publicly")));
        questions.forEach(q -> header.add(Csv.text(q.label())));
        rows.add(header);
        int no = 1;
        for (EventRegistration r : EventRegistration.<EventRegistration>list("eventId = ?1 order by arrival", event.id)) {
            RegistrationView v = views.registration(event, r);
            Map<String, Answer> answers = new HashMap<>();
            v.answers().forEach(a -> answers.put(a.key(), a));
            List<String> row = new ArrayList<>(List.of(Integer.toString(no++), v.statusLabel(),
                    v.waitlistPosition() == null ? "" : v.waitlistPosition().toString(),
                    v.name() == null ? "" : Csv.text(v.name()), v.email() == null ? "" : Csv.text(v.email()),
                    v.guest() ? text("ゲスト", "Guest") : text("会員", "Account"), v.code(),
                    WHEN.format(v.createdAt()), v.checkedInAt() == null ? "" : WHEN.format(v.checkedInAt()),
                    v.cancelledAt() == null ? "" : WHEN.format(v.cancelledAt()),
                    v.showPublicly() ? text("はい", "yes") : ""));
            for (Question q : questions) {
                Answer a = answers.get(q.key());
                row.add(a == null ? "" : Csv.text(a.text() != null ? a.text() : a.checked() != null
                        ? (a.checked() ? text("はい", "yes") : "") : String.join("、", a.choices())));
            }
            rows.add(row);
        }
        return new Export(Csv.write(rows), "registrations-" + event.id + ".csv");
    }

    public record Export(byte[] body, String fileName) {
    }

    private String text(String ja, String en) {
        return language.text(Label.of(ja, en));
    }
}
