import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, rotateSecret, updateWebhook } from './webhookApi';
import { EVENT_TYPES, formBody, ownerKey, type Webhook, type WebhookOwner, withEnabled } from './webhookForm';
import { webhookTexts } from './texts';

/** An owner's webhook endpoints: register (the secret shown once), pause, rotate, delete, the delivery log. */
export function WebhooksPanel({ owner }: { owner: WebhookOwner }) {
  const text = webhookTexts();
  const queryClient = useQueryClient();
  const key = ['webhooks', ownerKey(owner)];
  const hooks = useQuery({ queryKey: key, queryFn: () => listWebhooks(owner) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set(['listing.created']));
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const shown = (s: { url: string; secret: string }) => { setSecret(s); setCopied(false); };
  const create = useMutation({
    mutationFn: () => createWebhook(owner, formBody(url, description, ticked)),
    onSuccess: (created) => { shown(created); setUrl(''); setDescription(''); return refresh(); },
  });
  const rotate = useMutation({ mutationFn: (hook: Webhook) => rotateSecret(owner, hook), onSuccess: (r) => { shown(r); return refresh(); } });
  const toggle = useMutation({ mutationFn: (hook: Webhook) => updateWebhook(owner, hook, withEnabled(hook, !hook.enabled)), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (hook: Webhook) => deleteWebhook(owner, hook), onSuccess: refresh });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const flip = (type: string) => setTicked((now) => {
    const next = new Set(now);
    if (next.has(type)) next.delete(type); else next.add(type);
    return next;
  });
  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard?.writeText(secret.secret);
    setCopied(true);
  };
  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <ProblemMessage error={hooks.error ?? rotate.error ?? toggle.error ?? remove.error} onReload={() => void refresh()} />
      {secret && (
        <div className="notice" role="status">
          <p><strong>{text.secretOnce}</strong> {secret.url}</p>
          <p><code data-testid="webhook-secret">{secret.secret}</code></p>
          <p>
            <button type="button" className="secondary" onClick={() => void copy()}>{text.copy}</button>{' '}
            {copied && <span>{text.copied}</span>}{' '}
            <button type="button" className="link" onClick={() => setSecret(null)}>{text.hideSecret}</button>
          </p>
        </div>
      )}
      {hooks.data?.items.length === 0 && <p className="muted">{text.none}</p>}
      <ul className="cards">
        {hooks.data?.items.map((hook) => (
          <li className="card" key={hook.id}>
            <h3><code>{hook.url}</code></h3>
            {hook.description && <p>{hook.description}</p>}
            <p className="muted">
              {hook.enabled ? text.enabled : text.disabled}
              {hook.consecutiveFailures > 0 && `・${text.failures(hook.consecutiveFailures)}`}
              {hook.disabledReason && `・${hook.disabledReason}`}
            </p>
            <p className="muted">{hook.eventTypes.map((t) => text.types[t as keyof typeof text.types] ?? t).join('、')}</p>
            <p>
              <button type="button" className="secondary" onClick={() => toggle.mutate(hook)} disabled={toggle.isPending}>
                {hook.enabled ? text.disable : text.enable}<span className="skip">: {hook.url}</span>
              </button>{' '}
              <button type="button" className="secondary" onClick={() => rotate.mutate(hook)} disabled={rotate.isPending}
                title={text.rotateHint}>
                {text.rotate}<span className="skip">: {hook.url}</span>
              </button>{' '}
              <button type="button" className="secondary" onClick={() => setOpen(open === hook.id ? null : hook.id)}
                aria-expanded={open === hook.id}>
                {open === hook.id ? text.hideDeliveries : text.deliveries}<span className="skip">: {hook.url}</span>
              </button>{' '}
              <button type="button" className="secondary" onClick={() => remove.mutate(hook)} disabled={remove.isPending}>
                {text.remove}<span className="skip">: {hook.url}</span>
              </button>
            </p>
            {open === hook.id && <Deliveries owner={owner} hook={hook} />}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }} noValidate>
        <h3>{text.register}</h3>
        <ProblemMessage error={create.error} />
        <label htmlFor="webhook-url">{text.url}</label>
        <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required
          aria-invalid={!!errors.url} aria-describedby={errors.url ? 'webhook-url-error' : 'webhook-url-hint'} />
        <p className="muted" id="webhook-url-hint">{text.urlHint}</p>
        <FieldError id="webhook-url-error" message={errors.url} />
        <label htmlFor="webhook-description">{text.description}</label>
        <input id="webhook-description" value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        <fieldset aria-describedby={errors.eventTypes ? 'webhook-types-error' : undefined}>
          <legend>{text.eventTypes}</legend>
          <div className="checkboxes">
            {EVENT_TYPES.map((type) => (
              <label key={type}>
                <input type="checkbox" checked={ticked.has(type)} onChange={() => flip(type)} /> {text.types[type]} <code>{type}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <FieldError id="webhook-types-error" message={errors.eventTypes} />
        <button type="submit" disabled={create.isPending}>{text.register}</button>
      </form>
    </section>
  );
}

function Deliveries({ owner, hook }: { owner: WebhookOwner; hook: Webhook }) {
  const text = webhookTexts();
  const log = useQuery({ queryKey: ['webhook-deliveries', hook.id], queryFn: () => listDeliveries(owner, hook) });
  return (
    <>
      <ProblemMessage error={log.error} />
      {log.data?.items.length === 0 && <p className="muted">{text.noDeliveries}</p>}
      {!!log.data?.items.length && (
        <div className="table-wrap">
          <table>
            <caption>{text.deliveries}</caption>
            <thead>
              <tr>
                <th scope="col">{text.when}</th><th scope="col">{text.type}</th><th scope="col">{text.status}</th>
                <th scope="col">{text.attempts}</th><th scope="col">{text.answer}</th><th scope="col">{text.error}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td><code>{d.eventType}</code></td>
                  <td>{d.statusLabel}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode ?? '—'}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
