function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of known) {
    const score = distance(name, candidate);
    if (!best || score < best.score) best = { candidate, score };
  }
  if (!best) return undefined;
  const close = best.score <= Math.max(2, Math.floor(name.length / 3)) || best.candidate.includes(name) || name.includes(best.candidate);
  return close ? best.candidate : undefined;
}

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return closest ? ` Did you mean "${closest}"?` : '';
}
