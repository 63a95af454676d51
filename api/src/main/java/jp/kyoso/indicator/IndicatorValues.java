package jp.kyoso.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.indicator.IndicatorDtos.ValueWrite;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Sets an indicator's figures of one fiscal year: fields left out stay, null clears, a year left
 * with nothing is removed, and at most one year holds the baseline. The indicator's ETag covers
 * its figures, so a change moves the indicator's version on; a request that changes nothing is
 * neither stamped nor audited.
 */
@ApplicationScoped
public class IndicatorValues {

    @Inject Indicators indicators;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject DomainEvents domainEvents;
    @Inject FiscalYears fiscalYears;

    @Transactional
    public Indicator set(UUID id, int fiscalYear, String ifMatch, ValueWrite write) {
        Indicator indicator = indicators.requireVisible(id);
        indicators.accessTo(indicator).requireEditor();
        Etags.lockAndCheck(ifMatch, indicator, indicator.version);
        if (fiscalYear < 1900 || fiscalYear > 2200) {
            throw Problems.invalidField("fiscalYear", Label.of("1900〜2200 年度で指定してください",
                    "Must be a fiscal year from 1900 to 2200"));
        }
        if (indicator.isComputed() && write.sent("actual") && write.actual != null) {
            throw Problems.conflict(Label.of("この指標の実績値は Kyoso の記録（" + indicator.computedMeasure.label().ja()
                            + "）から集計されるため入力できません。備考・基準値・目標値は入力できます",
                    "This indicator's actuals are computed from Kyoso's records (" + indicator.computedMeasure.label().en()
                            + ") and cannot be typed; a note, baseline and targets can"));
        }
        IndicatorValue.Key key = new IndicatorValue.Key(indicator.id, fiscalYear);
        IndicatorValue row = IndicatorValue.findById(key);
        Map<String, Object> before = row == null ? null : IndicatorViews.auditState(row);
        if (row == null) {
            row = new IndicatorValue();
            row.id = key;
        }
        Map<String, Label> errors = new LinkedHashMap<>();
        BigDecimal baseline = number("baseline", write.sent("baseline"), write.baseline, row.baseline,
                indicator.decimals, errors);
        BigDecimal target = number("target", write.sent("target"), write.target, row.target, indicator.decimals, errors);
        BigDecimal actual = number("actual", write.sent("actual"), write.actual, row.actual, indicator.decimals, errors);
        String note = !write.sent("note") ? row.note
                : write.note == null || write.note.isBlank() ? null : write.note.strip();
        if (note != null && note.length() > 2000) {
            errors.put("note", Label.of("2000 文字以内にしてください", "At most 2000 characters"));
        }
        if (baseline != null) {
            IndicatorValue other = IndicatorValue.find("id.indicatorId = ?1 and baseline is not null and id.fiscalYear <> ?2",
                    indicator.id, fiscalYear).firstResult();
            if (other != null) {
                errors.put("baseline", Label.of("基準値は" + fiscalYears.label(other.id.fiscalYear())
                                + "に設定済みです。基準値は一つの年度だけで、先にそちらを消してください",
                        "The baseline is already set for " + fiscalYears.label(other.id.fiscalYear())
                                + "; only one fiscal year holds it, so clear that first"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(Label.of("入力内容に誤りがあります", "The request has invalid fields"), errors);
        }
        row.baseline = baseline;
        row.target = target;
        row.actual = actual;
        row.note = note;
        row.sourceDate = write.sent("sourceDate") ? write.sourceDate : row.sourceDate;
        Map<String, Object> after = row.isEmpty() ? null : IndicatorViews.auditState(row);
        if (Objects.equals(before, after)) {
            return indicator;
        }
        row.updatedBy = currentUser.id().orElse(null);
        row.updatedAt = OffsetDateTime.now();
        if (row.isEmpty()) {
            if (before != null) {
                row.delete();
            }
        } else {
            row.persist();
        }
        indicator.touch();
        indicator.persistAndFlush();
        audit.record(indicator.municipalityCode, "indicator.value.set", "indicator", indicator.id, before, after);
        IndicatorEvents.valuesChanged(domainEvents, indicator, List.of(fiscalYear));
        return indicator;
    }

    /** Decimals a figure is written with, trailing zeros not counted. */
    static int scale(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** The field as sent (checked against the limit and the indicator's decimals), else as it is. */
    private static BigDecimal number(String field, boolean sent, BigDecimal value, BigDecimal current, int decimals,
                                     Map<String, Label> errors) {
        if (!sent) {
            return current;
        }
        if (value != null && value.abs().compareTo(IndicatorCsv.LIMIT) >= 0) {
            errors.put(field, Label.of("大きすぎます", "Too large"));
        } else if (value != null && scale(value) > decimals) {
            errors.put(field, Label.of("小数点以下は " + decimals + " 桁までです", "At most " + decimals + " decimals"));
        }
        return value;
    }
}
