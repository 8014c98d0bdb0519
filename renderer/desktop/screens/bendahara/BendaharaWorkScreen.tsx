/** Bendahara's "Pekerjaan saya": e-billings to issue (8) or re-issue once expired, proofs of payment to check (10). */
import { RoleWorkScreen, type RoleWork } from '../parts/RoleWorkScreen';
import { BillingPanel } from './BillingPanel';
import { ProofPanel } from './ProofPanel';

const BENDAHARA_WORK: RoleWork = {
  role: 'bendahara',
  namespace: 'bendahara',
  panels: { issueBilling: BillingPanel, reissueBilling: BillingPanel, checkProof: ProofPanel },
};

export function BendaharaWorkScreen() {
  return <RoleWorkScreen work={BENDAHARA_WORK} />;
}
