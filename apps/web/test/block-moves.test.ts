import { describe, expect, it } from 'vitest';
import { sameSpan, spanOnDrop, spanOnKey } from '~/components/schedule/block-moves';

const at = (time: string) => new Date(`2027-01-12T${time}:00Z`);
const block = { startsAt: at('10:00'), endsAt: at('11:00') };

describe("an appointment's block dragged or moved with the keys", () => {
  it('moves whole onto the cell it is dropped on, or ends with that cell when resized', () => {
    expect(spanOnDrop('move', block, at('13:15'), 15)).toEqual({
      startsAt: at('13:15'),
      endsAt: at('14:15'),
    });
    expect(spanOnDrop('resize', block, at('11:30'), 15)).toEqual({
      startsAt: at('10:00'),
      endsAt: at('11:45'),
    });
  });

  it('stays one step long when its edge is dropped above its start', () => {
    expect(spanOnDrop('resize', block, at('09:00'), 15)).toEqual({
      startsAt: at('10:00'),
      endsAt: at('10:15'),
    });
  });

  it('moves a step with Up and Down, and resizes with them on its edge', () => {
    expect(spanOnKey('ArrowUp', false, block, 15)).toEqual({
      startsAt: at('09:45'),
      endsAt: at('10:45'),
    });
    expect(spanOnKey('ArrowDown', true, block, 15)).toEqual({
      startsAt: at('10:00'),
      endsAt: at('11:15'),
    });
  });

  it('ignores other keys, and a resize that cannot shorten it further', () => {
    expect(spanOnKey('Enter', false, block, 15)).toBeNull();
    const shortest = { startsAt: at('10:00'), endsAt: at('10:15') };
    expect(spanOnKey('ArrowUp', true, shortest, 15)).toBeNull();
    expect(sameSpan(spanOnDrop('move', block, at('10:00'), 15), block)).toBe(true);
  });
});
