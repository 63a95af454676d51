package jp.kyoso.event;

import jp.kyoso.core.csv.Csv;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventOpenDataTest {

    private static final EventOpenData.Municipality SANYO_ONODA =
            new EventOpenData.Municipality("352161", "山口県", "山陽小野田市");

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static EventOpenData.Event seminar() {
        return new EventOpenData.Event(SANYO_ONODA, "PPP実践セミナー", "ピーピーピージッセンセミナー", "PPP Practice Seminar",
                at("2027-02-20T13:30:00+09:00"), at("2027-02-20T16:30:00+09:00"), false,
                "公民連携によるまちづくりを学びます。", new EventOpenData.Fee(500L, "資料代。学生は無料"),
                new EventOpenData.Contact("市民活動推進課", "0836-82-1111", "123"), "山陽小野田市",
                List.of("山陽商工会議所", "西京みらい銀行 小野田支店"), false,
                new EventOpenData.Venue("山陽小野田市民館", "山口県山陽小野田市大字小野田5360番地", "2階 文化ホール",
                        new BigDecimal("33.9928"), new BigDecimal("131.1825"), "JR小野田駅から徒歩15分",
                        "市民館駐車場（約100台）"),
                80, at("2027-02-13T17:00:00+09:00"), "Kyoso のイベントページから申し込み",
                "https://kyoso.example/events/1", "https://kyoso.example/events/1", "手話通訳あり");
    }

    private static String text(byte[] bytes) {
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void theHeaderIsExactlyTheDatasetsColumnsInOrder() {
        String text = text(EventOpenData.csv(List.of()));
        assertEquals("都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,"
                + "開始日,終了日,開始時間,終了時間,開始日時特記事項,説明,料金(基本),料金(詳細),連絡先名称,連絡先電話番号,"
                + "連絡先内線番号,主催者,場所名称,住所,方書,緯度,経度,アクセス方法,駐車場情報,定員,参加申込終了日,"
                + "参加申込終了時間,参加申込方法,URL,備考\r\n", text);
        assertEquals(32, EventOpenData.HEADER.size());
    }

    @Test
    void aRowCarriesTheEventInJapanTime() {
        String text = text(EventOpenData.csv(List.of(seminar(), seminar())));
        assertTrue(text.endsWith("\r\n"));
        String[] lines = text.split("\r\n", -1);
        assertEquals(4, lines.length, "header, two rows and the empty rest after the last CRLF");
        assertEquals("", lines[3]);
        for (String line : lines) {
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "CRLF only: " + line);
        }

        List<Csv.Record> records = Csv.parse(text);
        List<String> row = records.get(1).cells();
        assertEquals(EventOpenData.HEADER.size(), row.size());
        assertEquals(List.of("352161", "1", "山口県", "山陽小野田市", "PPP実践セミナー", "ピーピーピージッセンセミナー",
                "PPP Practice Seminar", "2027-02-20", "2027-02-20", "13:30", "16:30", "",
                "公民連携によるまちづくりを学びます。", "500円", "資料代。学生は無料", "市民活動推進課", "0836-82-1111", "123",
                "山陽小野田市（共催：山陽商工会議所、西京みらい銀行 小野田支店）", "山陽小野田市民館",
                "山口県山陽小野田市大字小野田5360番地", "2階 文化ホール", "33.9928", "131.1825", "JR小野田駅から徒歩15分",
                "市民館駐車場（約100台）", "80", "2027-02-13", "17:00",
                "Kyoso のイベントページから申し込み https://kyoso.example/events/1", "https://kyoso.example/events/1",
                "手話通訳あり"), row);
        assertEquals("2", records.get(2).cell(1), "NO counts from 1");
    }

    @Test
    void timesAreJapanTimeWhateverTheInstantsOffset() {
        EventOpenData.Event s = seminar();
        // 23:30 UTC on the 19th is 08:30 on the 20th in Japan.
        EventOpenData.Event utc = new EventOpenData.Event(s.municipality(), s.title(), null, null,
                Instant.parse("2027-02-19T23:30:00Z"), Instant.parse("2027-02-20T01:00:00Z"), false, null, null, null,
                "山陽小野田市", null, false, null, null, Instant.parse("2027-02-18T15:00:00Z"), null, null, null, null);
        List<String> row = EventOpenData.row(1, utc);
        assertEquals(List.of("2027-02-20", "2027-02-20", "08:30", "10:00"), row.subList(7, 11));
        assertEquals(List.of("2027-02-19", "00:00"), row.subList(27, 29));
        assertEquals("無料", row.get(13), "no fee given is free");
        assertEquals("", row.get(14));
        assertEquals("", row.get(26), "unlimited capacity");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        EventOpenData.Event s = seminar();
        EventOpenData.Event tricky = new EventOpenData.Event(s.municipality(), "防災, 訓練 \"HUG\"", null, null,
                s.startsAt(), s.endsAt(), false, "一行目\n二行目", EventOpenData.Fee.free(), null, "=SUM(A1)", null,
                false, null, null, null, null, null, null, null);
        String text = text(EventOpenData.csv(List.of(tricky)));
        String dataLine = text.substring(text.indexOf("\r\n") + 2);
        assertTrue(dataLine.contains(",\"防災, 訓練 \"\"HUG\"\"\","), dataLine);
        assertTrue(dataLine.contains(",\"一行目\n二行目\","), dataLine);
        List<String> row = Csv.parse(text).get(1).cells();
        assertEquals("防災, 訓練 \"HUG\"", row.get(4));
        assertEquals("一行目\n二行目", row.get(12));
        assertEquals("無料", row.get(13));
        assertEquals("'=SUM(A1)", row.get(18), "what Excel would run as a formula is guarded");
        assertEquals(EventOpenData.HEADER.size(), row.size());
    }

    @Test
    void anOnlineOnlyEventHasNoPlace() {
        EventOpenData.Event s = seminar();
        EventOpenData.Event online = new EventOpenData.Event(new EventOpenData.Municipality("352039", "山口県", "山口市"),
                "協働のまちづくり講座（オンライン）", "キョウドウノマチヅクリコウザ", null, s.startsAt(), s.endsAt(), false,
                "自宅から参加できます。", EventOpenData.Fee.free(), new EventOpenData.Contact("協働推進課", "083-934-2714", null),
                "山口市協働推進課", List.of(), true, null, 100, null, null, null, "https://kyoso.example/events/2", null);
        List<String> row = EventOpenData.row(1, online);
        assertEquals("352039", row.get(0));
        assertEquals("", row.get(6), "no English title");
        assertEquals(List.of("", "", "", "", "", "", ""), row.subList(19, 26), "場所名称 … 駐車場情報 empty");
        assertEquals("", row.get(29), "no registration method given");
        assertEquals("オンライン開催（参加用URLは申込者にお知らせします）", row.get(31));
        assertEquals("山口市協働推進課", row.get(18));
    }

    @Test
    void aHybridEventKeepsItsPlaceAndSaysItIsAlsoOnline() {
        EventOpenData.Event s = seminar();
        EventOpenData.Event hybrid = new EventOpenData.Event(s.municipality(), s.title(), s.titleKana(),
                s.titleEnglish(), s.startsAt(), s.endsAt(), false, s.description(), s.fee(), s.contact(), s.organizer(),
                s.coOrganizers(), true, s.venue(), s.capacity(), s.registrationClosesAt(), s.registrationMethod(),
                s.registrationUrl(), s.url(), "手話通訳あり");
        List<String> row = EventOpenData.row(1, hybrid);
        assertEquals("山陽小野田市民館", row.get(19));
        assertEquals("会場とオンラインで開催（参加用URLは申込者にお知らせします）\n手話通訳あり", row.get(31));
    }

    @Test
    void aMultiDayEventSpansItsDays() {
        EventOpenData.Event s = seminar();
        EventOpenData.Event camp = new EventOpenData.Event(s.municipality(), "赤崎小学校 防災キャンプ", null, null,
                at("2027-08-07T15:00:00+09:00"), at("2027-08-08T10:00:00+09:00"), false, null, null, null,
                "赤崎地区自治会連合会", null, false, s.venue(), 60, null, null, null, null, null);
        List<String> row = EventOpenData.row(1, camp);
        assertEquals(List.of("2027-08-07", "2027-08-08", "15:00", "10:00", "開始日の開始時間から終了日の終了時間まで"),
                row.subList(7, 12));

        EventOpenData.Event festival = new EventOpenData.Event(s.municipality(), "夏まつり", null, null,
                at("2027-08-06T00:00:00+09:00"), at("2027-08-08T00:00:00+09:00"), true, null, null, null,
                "渡利地区町内会連合会", null, false, null, null, null, null, null, null, null);
        row = EventOpenData.row(1, festival);
        assertEquals(List.of("2027-08-06", "2027-08-07", "", "", "終日"), row.subList(7, 12),
                "an all-day end at midnight is exclusive");
    }

    @Test
    void aMunicipalityCodeHasSixDigits() {
        assertThrows(IllegalArgumentException.class, () -> new EventOpenData.Municipality("35216", "山口県", "山陽小野田市"));
        assertThrows(IllegalArgumentException.class, () -> new EventOpenData.Municipality(null, "山口県", "山陽小野田市"));
    }
}
