'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type Dispatch, type SetStateAction, useEffect, useRef, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import type { VehicleDraft } from './vehicle-draft';
import { applyDecodedVin, type DecodedFields, vinLookup } from './vin-fill';

const fieldsOf = (decoded: { make: string; model: string; year: number }): DecodedFields => ({
  make: decoded.make,
  model: decoded.model,
  year: String(decoded.year),
});

/**
 * Fills make, model and year from the VIN as it is typed (the API's offline decoder), and
 * takes them back when the VIN changes: a new VIN replaces what the last one wrote (a VIN that
 * says nothing, being incomplete, refused or unknown, empties it), never what the user typed.
 * On an edit, fields holding what the stored VIN says count as the VIN's. A VIN whose check
 * digit fails is not decoded at all, unless it is from outside North America.
 */
export function useVinFill({
  initialVin,
  setDraft,
}: {
  initialVin: string | undefined;
  setDraft: Dispatch<SetStateAction<VehicleDraft>>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState<string | null>(null);
  // The VIN looked up last (a late answer for an older one is dropped), what the VIN said
  // last (what a new answer may replace), and the typed VIN and market, to look up again.
  const current = useRef<string | null>(null);
  const lastFill = useRef<DecodedFields | null>(null);
  const typed = useRef({ vin: initialVin ?? '', checkDigit: true });

  const decode = (vin: string) =>
    queryClient.fetchQuery(trpc.vehicle.decodeVin.queryOptions({ vin }));

  /** Writes what the VIN now says into the fields that were the VIN's. */
  const fill = (decoded: DecodedFields | null) => {
    const previous = lastFill.current;
    lastFill.current = decoded;
    if (previous !== null || decoded !== null) {
      setDraft((draft) => applyDecodedVin(draft, previous, decoded));
    }
  };

  const lookUp = () => {
    const lookup = vinLookup(typed.current.vin, { checkDigit: typed.current.checkDigit });
    const vin = lookup.kind === 'decode' ? lookup.vin : null;
    if (vin !== null && vin === current.current) return;
    current.current = vin;
    if (lookup.kind !== 'decode') {
      fill(null);
      setNote(
        lookup.kind === 'refused'
          ? `Not decoded: the ${lookup.problem}. Check the VIN, or tick “VIN from outside North America”.`
          : null,
      );
      return;
    }
    setNote('Looking up this VIN…');
    decode(lookup.vin).then(
      (decoded) => {
        if (current.current !== lookup.vin) return;
        fill(decoded ? fieldsOf(decoded) : null);
        setNote(
          decoded
            ? `Decoded from the VIN: ${decoded.year} ${decoded.make} ${decoded.model}. Change any of them if they are wrong.`
            : 'This VIN is not in the vehicle data: enter make, model and year yourself.',
        );
      },
      () => {
        if (current.current === lookup.vin) setNote(null);
      },
    );
  };

  // On an edit, what the stored VIN says is what a new VIN may replace; nothing is shown.
  useEffect(() => {
    const lookup = vinLookup(initialVin ?? '', { checkDigit: false });
    if (lookup.kind !== 'decode') return;
    current.current = lookup.vin;
    queryClient.fetchQuery(trpc.vehicle.decodeVin.queryOptions({ vin: lookup.vin })).then(
      (decoded) => {
        if (current.current === lookup.vin && lastFill.current === null && decoded) {
          lastFill.current = fieldsOf(decoded);
        }
      },
      () => undefined,
    );
  }, [initialVin, queryClient, trpc]);

  return {
    /** What the lookup says, for a status line under the VIN. */
    note,
    /** The VIN field changed. */
    vinChanged(vin: string) {
      typed.current = { ...typed.current, vin };
      lookUp();
    },
    /** "VIN from outside North America" changed: the check digit no longer (or again) applies. */
    checkDigitChanged(checkDigit: boolean) {
      typed.current = { ...typed.current, checkDigit };
      lookUp();
    },
  };
}
