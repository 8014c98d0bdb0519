/** CS's "Pekerjaan saya": orders to validate (5), samples to register (11), E-LHU to send for TTE (18) and to release (20). */
import { RoleWorkScreen, type RoleWork } from '../parts/RoleWorkScreen';
import { RegisterPanel } from './RegisterPanel';
import { ReleasePanel } from './ReleasePanel';
import { SignatureRequestPanel } from './SignatureRequestPanel';
import { ValidatePanel } from './ValidatePanel';

const CS_WORK: RoleWork = {
  role: 'cs',
  namespace: 'cs',
  panels: {
    validate: ValidatePanel,
    register: RegisterPanel,
    requestSignature: SignatureRequestPanel,
    release: ReleasePanel,
  },
};

export function CsWorkScreen() {
  return <RoleWorkScreen work={CS_WORK} />;
}
