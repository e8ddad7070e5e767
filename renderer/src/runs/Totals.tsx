import type { ChangeCounts } from '../../../src/core/terraform/actions';

/** The change kinds drawn as badges, with their symbols and accessible names. */
export const BADGES = [
  { kind: 'create', symbol: '+', label: 'to create' },
  { kind: 'update', symbol: '~', label: 'to update' },
  { kind: 'replace', symbol: '±', label: 'to replace' },
  { kind: 'delete', symbol: '−', label: 'to delete' },
] as const;

/** "+2 ~1" badges of change counts; nothing when there is nothing to change. */
export function ChangeBadges({ counts, className }: { counts: ChangeCounts; className?: string }) {
  const shown = BADGES.filter((badge) => counts[badge.kind] > 0);
  return (
    <span className={`change-badges ${className ?? ''}`}>
      {shown.map((badge) => (
        <span key={badge.kind} className={`badge badge-${badge.kind}`} aria-label={`${counts[badge.kind]} ${badge.label}`} title={`${counts[badge.kind]} ${badge.label}`}>
          {badge.symbol}
          {counts[badge.kind]}
        </span>
      ))}
    </span>
  );
}
