/** Left: the bundle catalog (filled by the bundles feature). */
export function Palette() {
  return (
    <aside className="palette" aria-label="Bundle palette">
      <h2>Bundles</h2>
      <input type="search" placeholder="Search bundles" aria-label="Search bundles" />
      <p className="empty">No bundle catalog loaded yet.</p>
    </aside>
  );
}
