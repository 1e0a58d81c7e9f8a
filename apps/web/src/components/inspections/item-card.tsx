'use client';

import { readDecimal } from '@garage/validators';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ConflictNotice, Theirs } from '~/components/version-conflict/conflict-notice';
import { useVersionConflict } from '~/components/version-conflict/use-version-conflict';
import { fieldErrorsFrom, formErrorFrom } from '~/lib/field-errors';
import { sentence } from '~/lib/format';
import { useShopFormat } from '~/lib/use-shop-format';
import { useTRPC } from '~/trpc/react';
import {
  gradeLabels,
  grades,
  type InspectionGrade,
  type InspectionItem,
  isGrade,
  photoUrl,
} from './inspection-words';
import { type ItemValues, itemValues, readItem } from './item-conflict';
import { uploadPhoto } from './upload-photo';

/**
 * One item of the inspection on the technician's phone: a grade in one tap (it saves at once,
 * with the measurement and note typed; a Save button appears for those alone), the measurement
 * in the item's unit, a note, and photos straight from the camera. `required` asks for a photo
 * first. What is typed stays while the item refreshes (a photo added, a grade saved); an item
 * left untouched follows another technician's grading. A save based on an item graded since is
 * refused, and the card shows who graded it when, their values, and "Use theirs" / "Keep mine".
 */
export function ItemCard({ workOrderId, item }: { workOrderId: number; item: InspectionItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { locale } = useShopFormat();
  const id = useId();
  const [chosen, setChosen] = useState(item.grade ?? '');
  const [measurement, setMeasurement] = useState(item.measurement ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [unread, setUnread] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // A grade's answer names what it invalidated, and the cache link refetches the inspection; a
  // photo goes over plain HTTP, outside that link, so its upload refreshes the inspection itself.
  const refreshAfterUpload = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.inspection.byWorkOrder.queryKey({ workOrderId }),
    });
  const grade = useMutation(trpc.inspection.gradeItem.mutationOptions());
  const typed: ItemValues = { grade: chosen, measurement, note };
  const versioned = useVersionConflict({
    record: { version: item.version, values: itemValues(item) },
    values: typed,
    error: grade.error,
    read: readItem,
    apply: (next) => {
      setChosen(next.grade);
      setMeasurement(next.measurement);
      setNote(next.note);
    },
    save,
    dismiss: grade.reset,
  });

  /** Saves the card's values on top of `onVersion` (the grade only when one was chosen). */
  function save(values: ItemValues, onVersion: number) {
    let reading: string | null = null;
    if (values.measurement.trim()) {
      const read = readDecimal(values.measurement, locale, { example: '2.5' });
      if ('problem' in read) {
        setUnread(`Measurement ${read.problem}`);
        return;
      }
      reading = read.value;
    }
    setUnread(null);
    grade.mutate(
      {
        id: item.id,
        version: onVersion,
        ...(isGrade(values.grade) ? { grade: values.grade } : {}),
        ...(item.unit ? { measurement: reading } : {}),
        note: values.note,
      },
      { onSuccess: (graded) => versioned.saved(graded.version, values) },
    );
  }

  function gradeAs(chosenGrade: InspectionGrade) {
    setChosen(chosenGrade);
    save({ ...typed, grade: chosenGrade }, versioned.version);
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setUploadError(await uploadPhoto(item.id, file));
    setUploading(false);
    await refreshAfterUpload();
  }

  const fields = fieldErrorsFrom(grade.error);
  const problem =
    unread ??
    (fields.grade
      ? `${sentence(fields.grade)}.`
      : versioned.conflict
        ? null
        : formErrorFrom(grade.error, fields));
  return (
    <li
      className={`card inspection-item grade-${item.grade ?? 'none'}`}
      aria-labelledby={`${id}-label`}
    >
      <h3 id={`${id}-label`}>{item.label}</h3>
      <ConflictNotice what="item" busy={grade.isPending} {...versioned.notice} />
      <fieldset className="grade-buttons" aria-label={`Grade ${item.label}`}>
        {grades.map((each) => (
          <button
            key={each}
            type="button"
            className={`grade grade-${each}`}
            aria-pressed={item.grade === each}
            disabled={grade.isPending}
            onClick={() => gradeAs(each)}
          >
            {gradeLabels[each]}
          </button>
        ))}
      </fieldset>
      <Theirs conflict={versioned.conflict} field="grade" label="Grade" />
      {item.unit ? (
        <label className="field">
          <span>
            {item.label} ({item.unit})
          </span>
          <input
            name="measurement"
            inputMode="decimal"
            value={measurement}
            onChange={(event) => setMeasurement(event.target.value)}
          />
        </label>
      ) : null}
      <Theirs conflict={versioned.conflict} field="measurement" label="Measurement" />
      <label className="field">
        <span>Note</span>
        <textarea
          name="note"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <Theirs conflict={versioned.conflict} field="note" label="Note" />
      {measurement !== (item.measurement ?? '') || note !== (item.note ?? '') ? (
        <button
          type="button"
          className="secondary"
          disabled={grade.isPending}
          onClick={() => save(typed, versioned.version)}
        >
          Save {item.label}
        </button>
      ) : null}
      <div className="photos">
        {item.photos.map((photo) => (
          <a key={photo.id} href={photoUrl(photo.id)} target="_blank" rel="noreferrer">
            <img
              src={photoUrl(photo.id)}
              alt={`${item.label} as found, ${photo.id}`}
              width={72}
              height={Math.round((72 * photo.height) / photo.width)}
            />
          </a>
        ))}
        <label className="button-link photo-button">
          {uploading ? 'Uploading…' : 'Add photo'}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            aria-label={`Photo of ${item.label}`}
            onChange={(event) => {
              void upload(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <p role="alert" className="form-error">
        {uploadError ? `${sentence(uploadError)}.` : problem}
      </p>
    </li>
  );
}
