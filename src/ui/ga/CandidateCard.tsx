/** One candidate of an interactive GA generation: its piano roll, a play button and a 1–5 rating. */
import { memo, useMemo } from 'react';
import type { NoteSequence } from '../../engine/values';
import { viewerTheme } from '../viewers/draw/theme';
import { PreviewCanvas } from '../viewers/PreviewCanvas';
import type { ResolvedPreview } from '../viewers/resolve';
import { RatingStars } from './RatingStars';

/** Props of a candidate card. */
export interface CandidateCardProps {
  /** Candidate index (0-based; shown 1-based). */
  index: number;
  notes: NoteSequence;
  rating: number | undefined;
  onRate(index: number, rating: number): void;
  playing: boolean;
  /** Playhead in beats while this candidate plays. */
  beat: number | null;
  onPlay(index: number): void;
  /** Width of the piano roll in CSS pixels. */
  width: number;
}

const ROLL_HEIGHT = 54;

/**
 * A card: number, play/stop, the candidate's notes, its stars.
 * @example
 * <CandidateCard index={0} notes={seq} rating={undefined} onRate={rate} playing={false} beat={null} onPlay={play} width={140} />
 */
export const CandidateCard = memo(function CandidateCard({ index, notes, rating, onRate, playing, beat, onPlay, width }: CandidateCardProps) {
  const preview = useMemo<ResolvedPreview>(() => ({ kind: 'pianoroll', title: `Candidate ${index + 1}`, notes }), [index, notes]);
  const color = viewerTheme.series[index % viewerTheme.series.length];
  return (
    <li className={`gp-ga-card${playing ? ' playing' : ''}${rating ? ' rated' : ''}`} data-testid={`ga-candidate-${index}`}>
      <div className="gp-ga-card-head">
        <button type="button" className="gp-ga-play" onClick={() => onPlay(index)} data-testid={`ga-play-${index}`}
          aria-label={`${playing ? 'Stop' : 'Play'} candidate ${index + 1}`} title={playing ? 'Stop' : 'Play this candidate'}>
          {playing ? '■' : '▶'}
        </button>
        <span className="gp-ga-name"><i style={{ background: color }} />{index + 1}</span>
        <span className="gp-ga-notes">{notes.notes.length} notes</span>
      </div>
      <PreviewCanvas preview={preview} width={width} height={ROLL_HEIGHT} playhead={playing ? beat : null} />
      <RatingStars value={rating} onChange={(r) => onRate(index, r)} label={`Rate candidate ${index + 1}`} testId={`ga-rate-${index}`} />
    </li>
  );
});
