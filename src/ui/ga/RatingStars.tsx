/** A 1–5 star rating control: a radio group of five buttons, hover previews the rating. */
import { useState } from 'react';
import { RATING_MAX, RATING_MIN } from './nextGeneration';

/** Props: the current rating (undefined = not rated), what to call on a choice, and a label for screen readers. */
export interface RatingStarsProps {
  value: number | undefined;
  onChange(rating: number): void;
  label: string;
  /** Prefix of the buttons' test ids: `${testId}-${rating}`. */
  testId: string;
}

const WORDS = ['', 'poor', 'weak', 'fair', 'good', 'great'];

/**
 * Five stars; clicking the third rates 3.
 * @example
 * <RatingStars value={3} onChange={(r) => setRating(r)} label="Rate candidate 1" testId="ga-rate-0" />
 */
export function RatingStars({ value, onChange, label, testId }: RatingStarsProps) {
  const [hover, setHover] = useState<number | null>(null);
  const shown = hover ?? value ?? 0;
  const ratings = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
  return (
    <div className="gp-ga-stars" role="radiogroup" aria-label={label} onMouseLeave={() => setHover(null)}>
      {ratings.map((r) => (
        <button key={r} type="button" role="radio" aria-checked={value === r} aria-label={`${r} of ${RATING_MAX} (${WORDS[r] ?? r})`}
          title={`${r} — ${WORDS[r] ?? r}`} data-testid={`${testId}-${r}`}
          className={`gp-ga-star${r <= shown ? ' on' : ''}${hover !== null ? ' preview' : ''}`}
          onMouseEnter={() => setHover(r)} onClick={() => onChange(r)}>★</button>
      ))}
    </div>
  );
}
