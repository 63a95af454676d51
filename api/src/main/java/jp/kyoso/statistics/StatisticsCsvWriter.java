package jp.kyoso.statistics;

import jp.kyoso.core.csv.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the {@link StatisticsCsv 地域・年齢別人口} file. */
final class StatisticsCsvWriter {

    private StatisticsCsvWriter() {
    }

    /** The file: the standard's header, then one row per stored figure. */
    static List<List<String>> export(String code, String prefecture, String municipality, List<AreaStatistic> stats,
                                     Map<UUID, String> areaNames) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(StatisticsCsv.HEADER);
        for (AreaStatistic s : stats) {
            List<String> row = new ArrayList<>(List.of(code, Csv.text(s.areaCode == null ? "" : s.areaCode),
                    prefecture, municipality, s.surveyDate.toString(),
                    Csv.text(s.areaId == null ? municipality : areaNames.get(s.areaId)),
                    Integer.toString(s.population), number(s.male), number(s.female)));
            for (int i = 0; i < AgeBands.COUNT; i++) {
                row.add(s.maleBands == null ? "" : number(s.maleBands[i]));
                row.add(s.femaleBands == null ? "" : number(s.femaleBands[i]));
            }
            row.add(number(s.households));
            row.add(Csv.text(s.note));
            rows.add(row);
        }
        return rows;
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }
}
