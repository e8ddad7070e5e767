import { actionCompareWithFile } from '../actions/actionCompareWithFile';
import { actionExportDiagram, actionExportPng, actionExportSvg, actionImportDiagram } from '../actions/actionFiles';
import { runAction } from '../actions/registry';
import { useActionContext } from '../actions/useActionContext';

/** Top bar: a menu of file commands (the same actions as the shortcuts and the palette). */
export function FileMenu() {
  const context = useActionContext();
  return (
    <details className="file-menu">
      <summary>File</summary>
      <div role="menu" aria-label="File">
        {[actionImportDiagram, actionExportDiagram, actionExportSvg, actionExportPng, actionCompareWithFile].map((action) => (
          <button
            key={action.name}
            role="menuitem"
            type="button"
            onClick={(event) => {
              (event.currentTarget.closest('details') as HTMLDetailsElement).open = false;
              runAction(action, context());
            }}
          >
            {action.label}
            {action.shortcut && <kbd>{action.shortcut}</kbd>}
          </button>
        ))}
      </div>
    </details>
  );
}
