'use client';

import type { RouterOutputs } from '@garage/api';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Empty, Failed, Loading } from '~/components/query-state';
import { useTRPC } from '~/trpc/react';
import { TemplateForm } from './template-form';

type Template = RouterOutputs['inspection']['templates'][number];

/** The limits of a measured item in words: "advisory at 4 mm, required at 3 mm". */
function limitsOf(item: Template['items'][number]): string {
  if (item.unit === null) return 'grade';
  const at = (name: string, limit: number | null) =>
    limit === null ? [] : [`${name} at ${limit} ${item.unit}`];
  const limits = [...at('advisory', item.advisoryLimit), ...at('required', item.requiredLimit)];
  return limits.length ? limits.join(', ') : `measured in ${item.unit}`;
}

/** Admin: the inspection templates, their sections and items, to edit; and a new one. */
export function TemplateSettings() {
  const trpc = useTRPC();
  const templates = useQuery(trpc.inspection.templates.queryOptions());
  const [editingId, setEditingId] = useState<number | null>(null);
  if (templates.isPending) return <Loading what="inspection templates" />;
  if (templates.isError)
    return <Failed error={templates.error} retry={() => templates.refetch()} />;
  // The form edits the template as the page has it now: another admin's save reaches it live.
  const editing = templates.data.find((template) => template.id === editingId);
  return (
    <>
      {templates.data.length === 0 ? <Empty>No templates yet.</Empty> : null}
      {templates.data.map((template) => (
        <section key={template.id} className="card" aria-labelledby={`template-${template.id}`}>
          <h2 id={`template-${template.id}`}>
            {template.name} {template.isDefault ? <span className="badge">default</span> : null}
          </h2>
          <table>
            <thead>
              <tr>
                <th>Section</th>
                <th>Item</th>
                <th>Measured</th>
                <th>Priced by</th>
              </tr>
            </thead>
            <tbody>
              {template.items.map((item) => (
                <tr key={item.id}>
                  <td>{item.section}</td>
                  <td>{item.label}</td>
                  <td>{limitsOf(item)}</td>
                  <td>{item.savedJob?.name ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="secondary" onClick={() => setEditingId(template.id)}>
            Edit {template.name}
          </button>
        </section>
      ))}
      {editing ? (
        <TemplateForm key={editing.id} template={editing} onDone={() => setEditingId(null)} />
      ) : (
        <TemplateForm onDone={() => undefined} />
      )}
    </>
  );
}
