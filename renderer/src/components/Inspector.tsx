/** Right: params and details of the selected node. */
export function Inspector() {
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      <p className="empty">Select a node to edit its params.</p>
    </aside>
  );
}
