/**
 * Register (SOP step 2): company or person, NPWP, address, contact, username and password, checked
 * by the same schema the server uses (RegisterRequestSchema); then "menunggu aktivasi" (step 3 is
 * the Admin Satker's). The form is kept while the page is open; the password never is.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Button, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { RegisterRequestSchema } from '../../../shared/api/http';
import { LabelledSegments } from '../../components/LabelledSegments';
import { ApiError, errorMessage } from '../api/client';
import { register } from '../api/endpoints';
import { CardPageTitle } from '../components/headings';
import { CardPage, LinkButton, OtherFormLink } from '../components/Layout';
import { ErrorLine } from '../components/states';
import { PATHS } from '../lib/paths';
import { uuid } from '../lib/uuid';

type Field = 'companyName' | 'contactName' | 'npwp' | 'address' | 'email' | 'phone' | 'username' | 'password';
const FIELDS: Field[] = [
  'companyName',
  'contactName',
  'npwp',
  'address',
  'email',
  'phone',
  'username',
  'password',
];

/** The fields with a hint under their label (`register.<field>Hint`). */
const HINTED: Field[] = ['npwp', 'username', 'password'];

/** The schema's messages are "Indonesian / English": the part in the user's language. */
function half(message: string, lang: string): string {
  const parts = message.split(' / ');
  return parts.length === 2 ? (lang === 'en' ? parts[1]! : parts[0]!) : message;
}

export function RegisterPage() {
  const { t, i18n } = useTranslation('portal');
  const [kind, setKind] = useState<'company' | 'person'>('company');
  const [v, setV] = useState<Record<Field, string>>({
    companyName: '',
    contactName: '',
    npwp: '',
    address: '',
    email: '',
    phone: '',
    username: '',
    password: '',
  });
  const [password2, setPassword2] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field | 'password2', string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ name: string; username: string } | null>(null);
  // One key per filled form: a resend after a lost answer registers once.
  const idempotencyKey = useMemo(() => uuid(), []);

  const set = (f: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((old) => ({ ...old, [f]: value }));
    setErrors((old) => ({ ...old, [f]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const body = {
      ...v,
      contactName: kind === 'person' ? v.contactName || v.companyName : v.contactName,
      npwp: v.npwp.replace(/[.\-\s]/g, '') || null,
      username: v.username.trim(),
    };
    const parsed = RegisterRequestSchema.safeParse(body);
    const found: Partial<Record<Field | 'password2', string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0]) as Field;
        if (FIELDS.includes(f) && !found[f])
          found[f] =
            v[f].trim() === '' && f !== 'npwp' ? t('register.required') : half(issue.message, i18n.language);
      }
    }
    if (password2 === '') found.password2 = t('register.required');
    else if (password2 !== v.password) found.password2 = t('register.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = FIELDS.find((f) => found[f]) ?? 'password2';
      document.getElementById(`reg-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await register(parsed.data!, idempotencyKey);
      setDone({ name: body.companyName, username: body.username });
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const byField: Partial<Record<Field, string>> = {};
        for (const i of err.issues) {
          const f = i.path.split('.').pop() as Field;
          if (FIELDS.includes(f)) byField[f] = half(i.message, i18n.language);
        }
        setErrors(byField);
      }
      setFailure(errorMessage(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <CardPage maw={520}>
        <Stack gap="sm" role="status">
          <IconHourglass size={32} color="var(--mantine-color-orange-7)" aria-hidden />
          <CardPageTitle>{t('register.doneTitle')}</CardPageTitle>
          <Text>{t('register.doneText', done)}</Text>
          <LinkButton href={`${PATHS.login}?registered=1&u=${encodeURIComponent(done.username)}`}>
            {t('register.toLogin')}
          </LinkButton>
        </Stack>
      </CardPage>
    );
  }

  // A field's label (and hint) is named after it; every one but the NPWP must be filled.
  const field = (f: Field) => ({
    id: `reg-${f}`,
    label: t(`register.${f}`),
    description: HINTED.includes(f) ? t(`register.${f}Hint`) : undefined,
    required: f !== 'npwp',
    value: v[f],
    onChange: set(f),
    error: errors[f],
    size: 'md' as const,
  });
  return (
    <CardPage maw={640}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <CardPageTitle>{t('register.title')}</CardPageTitle>
          <Text size="sm" c="dark.5">
            {t('register.lead')}
          </Text>
          <ErrorLine error={failure} />
          <LabelledSegments
            labelId="reg-kind"
            label={t('register.kind')}
            value={kind}
            onChange={(x) => setKind(x as 'company' | 'person')}
            data={[
              { value: 'company', label: t('register.company') },
              { value: 'person', label: t('register.person') },
            ]}
          />
          <TextInput
            autoComplete={kind === 'company' ? 'organization' : 'name'}
            {...field('companyName')}
            label={kind === 'company' ? t('register.companyName') : t('register.personName')}
          />
          {kind === 'company' && <TextInput autoComplete="name" {...field('contactName')} />}
          <TextInput inputMode="numeric" autoComplete="off" {...field('npwp')} />
          <Textarea autosize minRows={2} autoComplete="street-address" {...field('address')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput type="email" autoComplete="email" {...field('email')} />
            <TextInput type="tel" autoComplete="tel" {...field('phone')} />
          </SimpleGrid>
          <TextInput
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...field('username')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <PasswordField autoComplete="new-password" {...field('password')} />
            <PasswordField
              id="reg-password2"
              label={t('register.password2')}
              required
              autoComplete="new-password"
              size="md"
              value={password2}
              onChange={(e) => {
                setPassword2(e.currentTarget.value);
                setErrors((o) => ({ ...o, password2: undefined }));
              }}
              error={errors.password2}
            />
          </SimpleGrid>
          <Button type="submit" size="md" loading={busy}>
            {t('register.submit')}
          </Button>
          <OtherFormLink question={t('register.haveAccount')} href={PATHS.login}>
            {t('nav.login')}
          </OtherFormLink>
        </Stack>
      </form>
    </CardPage>
  );
}
