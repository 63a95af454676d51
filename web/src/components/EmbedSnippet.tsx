import { useId, useState } from 'react';
import { defineTexts } from '../lib/i18n';

const texts = defineTexts(
  {
    heading: 'ホームページに埋め込む',
    hint: '下のコードを市のホームページに貼り付けてください。表示できるのは、オープンデータのページで職員が許可したサイトだけです。',
    code: '埋め込みコード（iframe）',
    copy: 'コピーする',
    copied: 'コピーしました。',
    open: '埋め込み表示を開く',
  },
  {
    heading: 'Embed on a website',
    hint: 'Paste this code into the city\'s website. Only the sites staff allow on the open-data page may show it.',
    code: 'Embed code (iframe)',
    copy: 'Copy',
    copied: 'Copied.',
    open: 'Open the embed',
  },
);

/** The copy-paste iframe snippet of an embed page (an indicator's chart, a plan's progress table). */
export function EmbedSnippet({ path, title, height = 480 }: { path: string; title: string; height?: number }) {
  const text = texts();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${path}`;
  const snippet = `<iframe src="${url}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <details className="no-print">
      <summary>{text.heading}</summary>
      <p className="muted">{text.hint}</p>
      <label htmlFor={`${id}-code`}>{text.code}</label>
      <textarea id={`${id}-code`} readOnly rows={3} value={snippet} onFocus={(e) => e.target.select()} />
      <p>
        <button type="button" onClick={() => void copy()}>{text.copy}</button>{' '}
        {copied && <span role="status">{text.copied}</span>}{' '}
        <a href={path} target="_blank" rel="noopener">{text.open}</a>
      </p>
    </details>
  );
}
