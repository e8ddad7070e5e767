import type { Handlers } from '../api/dispatcher';
import type { StateService } from './stateService';

type StateMethod = Extract<keyof Handlers, `state.${string}`>;

/** The `state` area of the API, bound to the host's state service. */
export function stateHandlers(state: StateService): Pick<Handlers, StateMethod> {
  const history = () => state.history();
  return {
    'state.environments': () => history().environments(),
    'state.versions': (request) => history().versions(request.environmentId),
    'state.download': (request) => {
      const { version, body } = history().download(request.environmentId, request.version);
      return { version, text: body.toString('utf8') };
    },
    'state.diff': (request) => history().diff(request.environmentId, request.from, request.to),
    'state.restore': (request) => history().restore(request.environmentId, request.version),
    'state.locks': () => history().locks(),
    'state.forceUnlock': (request) => ({ released: history().releaseLock(request.environmentId, request.lockId) }),
    'state.armForceUnlock': (request) => history().armForceUnlock(request.environmentId),
  };
}
