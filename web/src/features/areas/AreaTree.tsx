import { useState } from 'react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatCount, formatJapaneseDate, formatPercent } from '../../lib/format';
import { currentLanguage, t } from '../../lib/i18n';
import { useMunicipality } from '../municipalities/useMunicipality';
import { useAreas } from '../organizations/useVocabulary';
import { useMe } from '../session/useMe';
import { AreaEditor } from './AreaEditor';
import { LiaisonEditor } from './LiaisonEditor';

type Area = Schemas['Area'];

/** The area tree with each area's profile (地域カルテ) and liaison officers. */
export default function AreaTree() {
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const areas = useAreas(code);
  const all = areas.data?.items ?? [];
  const { data: me } = useMe();
  const isStaff = !!(me?.admin || me?.staff?.some((s) => s.municipalityCode === code));
  const [editing, setEditing] = useState<string | null>(null);
  const children = (parentId: string | null | undefined) => all.filter((a) => (a.parentId ?? null) === (parentId ?? null));
  const renderLevel = (parentId: string | null) => {
    const level = children(parentId);
    if (level.length === 0) return null;
    return (
      <ul className="tree">
        {level.map((a) => (
          <li key={a.id}>
            {editing === a.id ? (
              <>
                <AreaEditor code={code} areas={all} area={a} onDone={() => setEditing(null)} />
                <LiaisonEditor code={code} area={a} />
              </>
            ) : (
              <AreaProfile area={a} onEdit={isStaff ? () => setEditing(a.id!) : undefined} />
            )}
            {renderLevel(a.id!)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <h1>{municipality.data?.name} {t('areas')}</h1>
      <ProblemMessage error={areas.error} />
      {isStaff && editing !== 'new' && (
        <p><button type="button" onClick={() => setEditing('new')}>{currentLanguage() === 'en' ? 'Add an area' : '地域を追加する'}</button></p>
      )}
      {editing === 'new' && <AreaEditor code={code} areas={all} onDone={() => setEditing(null)} />}
      {areas.isPending ? <p>{t('loading')}</p> : renderLevel(null)}
    </>
  );
}

function AreaProfile({ area: a, onEdit }: { area: Area; onEdit?: () => void }) {
  const p = a.profile;
  const language = currentLanguage();
  return (
    <div className="card" style={{ margin: '.5rem 0' }}>
      <h2 style={{ margin: 0, fontSize: '1.05rem' }}>{a.name} <span className="muted">（{a.kindLabel}）</span></h2>
      {p && (p.population != null || p.households != null) && (
        <p style={{ margin: '.25rem 0' }}>
          {t('population')} {formatCount(p.population, language === 'en' ? '' : '人')} ・ {t('households')}{' '}
          {formatCount(p.households, language === 'en' ? '' : '世帯')} ・ {t('aged65Share')} {formatPercent(p.aged65Share)}
          {p.asOf && <span className="muted">（{language === 'en' ? `${t('asOf')} ${p.asOf}` : `${formatJapaneseDate(p.asOf)}${t('asOf')}`}）</span>}
        </p>
      )}
      {a.liaisons && a.liaisons.length > 0 && (
        <p className="muted" style={{ margin: 0 }}>
          {t('liaisons')}: {a.liaisons.map((l) => `${l.name ?? ''}（${l.roleLabel}）`).join('、')}
        </p>
      )}
      {onEdit && (
        <button type="button" className="link" onClick={onEdit}>{t('edit')}<span className="skip">: {a.name}</span></button>
      )}
    </div>
  );
}
