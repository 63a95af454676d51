package jp.kyoso.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.MunicipalityDtos.MunicipalityCreate;
import jp.kyoso.municipality.MunicipalityDtos.MunicipalityView;

import java.time.OffsetDateTime;

/** Registering and finding municipalities; every feature resolves a {@code {code}} through here. */
@ApplicationScoped
public class Municipalities {

    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    /** The municipality with that code; 404 when there is none. */
    public Municipality require(String code) {
        Municipality m = code == null || !code.matches("[0-9]{6}") ? null : Municipality.findById(code);
        if (m == null) {
            throw Problems.notFound(Label.of("自治体 " + code + " は登録されていません",
                    "No municipality with code " + code));
        }
        return m;
    }

    public Page<MunicipalityView> list(PageParams paging) {
        var query = Municipality.<Municipality>findAll(io.quarkus.panache.common.Sort.by("code"));
        return Page.load(query, paging).map(this::view);
    }

    @Transactional
    public Municipality create(MunicipalityCreate request) {
        access.requireAdmin();
        if (!LocalGovernmentCode.isValid(request.code())) {
            throw Problems.invalidField("code", Label.of(
                    "全国地方公共団体コードの検査数字が正しくありません",
                    "The check digit of this local government code is wrong"));
        }
        if (Municipality.findById(request.code()) != null) {
            throw Problems.conflict(Label.of("自治体 " + request.code() + " は既に登録されています",
                    "Municipality " + request.code() + " is already registered"));
        }
        Municipality m = new Municipality();
        m.code = request.code();
        m.name = request.name().strip();
        m.nameKana = request.nameKana().strip();
        m.prefecture = request.prefecture().strip();
        m.conceptTerm = request.conceptTerm();
        m.createdAt = OffsetDateTime.now();
        m.updatedAt = m.createdAt;
        m.persistAndFlush();
        audit.record(m.code, "municipality.create", "municipality", m.code, null, view(m));
        return m;
    }

    public MunicipalityView view(Municipality m) {
        return new MunicipalityView(m.code, m.name, m.nameKana, m.prefecture, m.conceptTerm,
                language.label(m.conceptTerm), m.version, m.createdAt, m.updatedAt);
    }
}
