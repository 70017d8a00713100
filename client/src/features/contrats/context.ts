import { type Action, type Contrat, can } from '@trame/shared';
import { useOutletContext } from 'react-router';

export interface ContratContextValue {
  contrat: Contrat;
  /** What the viewer may do here, read from the shared permission matrix. */
  allowed: (action: Action) => boolean;
}

export function contratContext(contrat: Contrat): ContratContextValue {
  const context = { role: contrat.monRole, publie: contrat.publie };
  return { contrat, allowed: (action) => can(action, context) };
}

/** The contract shown by the enclosing `ContratLayout`, for its section pages. */
export function useContratContext(): ContratContextValue {
  return useOutletContext<ContratContextValue>();
}
