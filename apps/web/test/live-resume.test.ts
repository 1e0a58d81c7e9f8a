import { describe, expect, it } from 'vitest';
import { type LiveEvent, LiveResume, olderPosition } from '~/trpc/live-resume';

const event = (tag: string): LiveEvent => ({ kind: 'invalidated', tags: [tag], routes: [] });

describe('olderPosition', () => {
  it('keeps the older of two positions of one history, and gives up across histories', () => {
    expect(olderPosition(undefined, 'e:5')).toBe('e:5');
    expect(olderPosition('e:5', 'e:3')).toBe('e:3');
    expect(olderPosition('e:3', 'e:12')).toBe('e:3');
    expect(olderPosition('e:3', 'f:1')).toBe('unknown');
    expect(olderPosition('unknown', 'e:1')).toBe('unknown');
  });
});

describe('LiveResume', () => {
  it('starts the stream from the oldest position the renders read at', () => {
    const resume = new LiveResume();
    expect(resume.resumeFrom()).toBeUndefined();
    expect(resume.rendered('e:7')).toEqual({ kind: 'none' });
    expect(resume.rendered('e:4')).toEqual({ kind: 'none' });
    expect(resume.rendered('e:9')).toEqual({ kind: 'none' });
    expect(resume.resumeFrom()).toBe('e:4');
  });

  it('resumes from the last event heard', () => {
    const resume = new LiveResume();
    resume.rendered('e:4');
    resume.started();
    resume.heard('e:6', event('a'));
    expect(resume.resumeFrom()).toBe('e:6');
  });

  it('gives data rendered later the events it missed, nothing when it is newer', () => {
    const resume = new LiveResume();
    resume.rendered('e:4');
    resume.started();
    resume.heard('e:5', event('a'));
    resume.heard('e:7', event('b'));
    resume.heard('e:9', event('c'));
    expect(resume.rendered('e:6')).toEqual({ kind: 'events', events: [event('b'), event('c')] });
    expect(resume.rendered('e:9')).toEqual({ kind: 'none' });
    expect(resume.rendered('e:10')).toEqual({ kind: 'none' });
    // Older than the stream's start, or of another history: nothing tells what it missed.
    expect(resume.rendered('e:3')).toEqual({ kind: 'all' });
    expect(resume.rendered('f:8')).toEqual({ kind: 'all' });
  });

  it('keeps the last 100 events: data older than them is refetched whole', () => {
    const resume = new LiveResume();
    resume.rendered('e:0');
    resume.started();
    for (let seq = 1; seq <= 150; seq++) resume.heard(`e:${seq}`, event(`t${seq}`));
    expect(resume.rendered('e:40')).toEqual({ kind: 'all' });
    const caught = resume.rendered('e:50');
    expect(caught.kind === 'events' && caught.events.length).toBe(100);
  });

  it('replays, to be safe, an event heard without a comparable position', () => {
    const resume = new LiveResume();
    resume.rendered('e:4');
    resume.started();
    resume.heard('unknown', { kind: 'missed' });
    expect(resume.rendered('e:4')).toEqual({ kind: 'events', events: [{ kind: 'missed' }] });
  });
});
