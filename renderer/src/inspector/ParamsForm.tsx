import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BundleManifest } from '../../../src/core/bundles/manifest';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import type { DiagramNode, Environment } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { hostValidator } from './hostValidator';
import { changedParams, sensitiveParams, visibleSchema, withoutSensitive } from './paramsSchema';

// Short: the host's validation messages arrive after each commit, so this is also the validation delay.
const COMMIT_DELAY_MS = 300;

interface ParamsFormProps {
  node: DiagramNode;
  manifest: BundleManifest;
  /** When set, the form edits this environment's overrides instead of the defaults. */
  environment?: Environment;
}

/** The generated params form: live validation, the host's messages, edits committed as one undo step. */
export function ParamsForm({ node, manifest, environment }: ParamsFormProps) {
  const sensitive = useMemo(() => sensitiveParams(manifest.params), [manifest.params]);
  const schema = useMemo(() => visibleSchema(manifest.params) as RJSFSchema, [manifest.params]);
  const overrides = environment?.overrides[node.id];
  const stored = useMemo(() => withoutSensitive({ ...node.params, ...overrides }, sensitive), [node.params, overrides, sensitive]);
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setDraft(stored);
  }
  const hostDiagnostics = useDiagramStore((state) => state.hostDiagnostics);
  const extraErrors = useMemo(() => {
    const errors: Record<string, { __errors: string[] }> = {};
    for (const diagnostic of hostDiagnostics) {
      const { field, nodeId, environment: where } = diagnostic.location ?? {};
      if (nodeId !== node.id || !field) continue;
      if (environment && where !== undefined && where !== environment.name) continue;
      const messages = (errors[field] ??= { __errors: [] }).__errors;
      if (!messages.includes(diagnostic.message)) messages.push(diagnostic.message);
    }
    return errors as ErrorSchema;
  }, [hostDiagnostics, node.id, environment]);

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ draft, stored, node, environment });
  useEffect(() => {
    latest.current = { draft, stored, node, environment };
  });

  const commit = () => {
    clearTimeout(timer.current);
    const { draft: values, stored: before, node: target, environment: env } = latest.current;
    const edits: DiagramEdit[] = changedParams(before, values).map((param): DiagramEdit => {
      const value = values[param];
      if (env) {
        return value === undefined
          ? { kind: 'resetOverride', environmentId: env.id, nodeId: target.id, param }
          : { kind: 'setOverride', environmentId: env.id, nodeId: target.id, param, value };
      }
      return value === undefined ? { kind: 'unsetParam', id: target.id, param } : { kind: 'setParam', id: target.id, param, value };
    });
    if (edits.length > 0) useDiagramStore.getState().perform(edits.length === 1 ? edits[0]! : { kind: 'batch', edits });
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Form
      schema={schema}
      uiSchema={{ ...(manifest.ui as UiSchema), 'ui:submitButtonOptions': { norender: true } }}
      formData={draft}
      validator={hostValidator}
      showErrorList={false}
      extraErrors={extraErrors}
      idPrefix={`param-${node.id}`}
      onChange={(event) => {
        const next = (event.formData ?? {}) as Record<string, unknown>;
        setDraft(next);
        latest.current = { ...latest.current, draft: next };
        clearTimeout(timer.current);
        timer.current = setTimeout(commit, COMMIT_DELAY_MS);
      }}
      onBlur={commit}
    />
  );
}
