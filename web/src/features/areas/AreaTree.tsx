import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { formatCount, formatDate, formatPercent } from '../../lib/format';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import { AreaEditor } from './AreaEditor';
import { LiaisonEditor } from './LiaisonEditor';
import { profileTexts } from './profileTexts';
import { areaTexts } from './texts';

type Area = Schemas['Area'];

/** The area tree with each area's profile (地域カルテ) and liaison officers. */
export default function AreaTree() {
  const common = commonTexts();
  const text = areaTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const areas = useAreas(code);
  const all = areas.data?.items ?? [];
  const { data: me } = useMe();
  const isStaff = isStaffOf(me, code);
  const [editing, setEditing] = useState<string | null>(null);
  const children = (parentId: string | null) => all.filter((a) => a.parentId === parentId);
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
              <AreaProfile area={a} onEdit={isStaff ? () => setEditing(a.id) : undefined} />
            )}
            {renderLevel(a.id)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      <h1>{municipality.data?.name} {common.areas}</h1>
      <ProblemMessage error={areas.error} />
      {isStaff && editing !== 'new' && (
        <p><button type="button" onClick={() => setEditing('new')}>{text.addArea}</button></p>
      )}
      {editing === 'new' && <AreaEditor code={code} areas={all} onDone={() => setEditing(null)} />}
      {areas.isPending ? <p>{common.loading}</p> : renderLevel(null)}
    </>
  );
}

function AreaProfile({ area: a, onEdit }: { area: Area; onEdit?: () => void }) {
  const common = commonTexts();
  const text = areaTexts();
  const p = a.profile;
  return (
    <div className="card" style={{ margin: '.5rem 0' }}>
      <h2 style={{ margin: 0, fontSize: '1.05rem' }}>{a.name} <span className="muted">（{a.kindLabel}）</span></h2>
      {(p.population != null || p.households != null) && (
        <p style={{ margin: '.25rem 0' }}>
          {text.population} {formatCount(p.population, text.people)} ・ {text.households}{' '}
          {formatCount(p.households, text.householdUnit)} ・ {text.aged65Share} {formatPercent(p.aged65Share)}
          {p.asOf && <span className="muted">（{text.asOf(formatDate(p.asOf))}）</span>}
        </p>
      )}
      {a.liaisons.length > 0 && (
        <p className="muted" style={{ margin: 0 }}>
          {text.liaisons}: {a.liaisons.map((l) => `${l.name ?? ''}（${l.roleLabel}）`).join('、')}
        </p>
      )}
      <p style={{ margin: 0 }}>
        <Link to={`/m/${a.municipalityCode}/areas/${a.id}`}>{profileTexts().openProfile}<span className="skip">: {a.name}</span></Link>
      </p>
      {onEdit && (
        <button type="button" className="link" onClick={onEdit}>{common.edit}<span className="skip">: {a.name}</span></button>
      )}
    </div>
  );
}
