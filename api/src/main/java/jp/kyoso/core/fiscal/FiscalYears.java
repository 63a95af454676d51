package jp.kyoso.core.fiscal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.RequestLanguage;

import java.util.List;
import java.util.stream.IntStream;

/** Fiscal year labels in the language of the current request (Accept-Language). */
@ApplicationScoped
public class FiscalYears {

    @Inject RequestLanguage language;

    /** 令和6年度 or FY2024; null for null. */
    public String label(Integer fiscalYear) {
        return fiscalYear == null ? null : FiscalYear.label(fiscalYear, language.get());
    }

    public FiscalYearView view(int fiscalYear) {
        return new FiscalYearView(fiscalYear, label(fiscalYear));
    }

    /** Every fiscal year from {@code first} to {@code last}, inclusive. */
    public List<FiscalYearView> range(int first, int last) {
        return IntStream.rangeClosed(first, last).mapToObj(this::view).toList();
    }
}
