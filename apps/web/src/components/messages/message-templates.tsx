'use client';

import type { RouterOutputs } from '@garage/api';
import { messagePlaceholders, templateInput } from '@garage/validators';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { CheckboxField } from '~/components/checkbox-field';
import { Failed, Loading } from '~/components/query-state';
import { TextField } from '~/components/text-field';
import { useFormMutation } from '~/lib/use-form-mutation';
import { useTRPC } from '~/trpc/react';
import { messageKindLabels } from './message-words';

type Template = RouterOutputs['message']['templates'][number];

/**
 * Whether the shop sends an automatic kind: a kind turned off is still written, as not sent with
 * the reason, so staff see on the work order and the customer's page what was not sent.
 */
function Sending({ template, editable }: { template: Template; editable: boolean }) {
  const trpc = useTRPC();
  const turn = useMutation(trpc.message.setSending.mutationOptions());
  if (template.kind === 'manual') return null;
  const kind = template.kind;
  const hint =
    "When off, these messages are kept on the work order and the customer's page as not sent, saying why.";
  if (!editable) {
    return <p className="muted">{template.send ? 'Sent automatically.' : `Turned off. ${hint}`}</p>;
  }
  return (
    <>
      <CheckboxField
        label="Send automatically"
        name={`send-${kind}`}
        checked={template.send}
        onChange={(send) => turn.mutate({ kind, send })}
        hint={hint}
      />
      {turn.error ? (
        <p role="alert" className="form-error">
          {turn.error.message}
        </p>
      ) : null}
    </>
  );
}

/** One kind's text: subject and body with placeholders, saved on its own. */
function TemplateForm({ template, editable }: { template: Template; editable: boolean }) {
  const trpc = useTRPC();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.message.updateTemplate.mutationOptions({ onSuccess: () => setSaved('Saved.') }),
  );
  const checked = useFormMutation(save, { initial: {}, fields: ['subject', 'body'] });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = checked.check(templateInput, { kind: template.kind, subject, body });
    if (input) save.mutate(input);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={messageKindLabels[template.kind]}>
      <h3>{messageKindLabels[template.kind]}</h3>
      <Sending template={template} editable={editable} />
      {checked.formError ? (
        <p role="alert" className="form-error">
          {checked.formError}
        </p>
      ) : null}
      <TextField
        label="Subject"
        name="subject"
        value={subject}
        onChange={setSubject}
        error={checked.fields.subject}
      />
      <TextField
        label="Text"
        name="body"
        value={body}
        onChange={setBody}
        multiline
        error={checked.fields.body}
      />
      {editable ? (
        <div className="actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save text'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSubject(template.defaults.subject);
              setBody(template.defaults.body);
            }}
          >
            Built-in text
          </button>
        </div>
      ) : null}
      <p role="status">{saved}</p>
    </form>
  );
}

/**
 * The texts of each kind of message, with the placeholders they may use; values are escaped
 * when a message is written, in its plain text and its HTML.
 */
export function MessageTemplates({ editable }: { editable: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.message.templates.queryOptions());
  if (query.isPending) return <Loading what="message texts" />;
  if (query.isError) return <Failed error={query.error} retry={() => query.refetch()} />;
  return (
    <section className="card" aria-labelledby="templates-title">
      <h2 id="templates-title">Messages to customers</h2>
      <p className="muted">
        Placeholders: {messagePlaceholders.map((name) => `{{${name}}}`).join(' ')}
      </p>
      {query.data.map((template) => (
        <TemplateForm
          key={`${template.kind}-${template.subject}-${template.body}`}
          template={template}
          editable={editable}
        />
      ))}
    </section>
  );
}
