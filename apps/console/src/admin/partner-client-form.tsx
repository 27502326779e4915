import { useTranslation } from 'react-i18next';
import { type IssuedSecret, type Partner, useCreatePartnerClient } from './admin-queries';
import { ClientForm, type ClientFields } from './client-form';

/** Registers an API client for a partner; its secret goes to `onIssued`, to be shown once. */
export function PartnerClientForm({
  partner,
  onClose,
  onIssued,
}: {
  partner: Partner | null;
  onClose: () => void;
  onIssued: (issued: IssuedSecret) => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreatePartnerClient();
  return (
    <ClientForm<ClientFields>
      open={partner !== null}
      title={partner && t('clientForm.title', { partner: partner.name })}
      nameHint={t('clientForm.nameHint')}
      // The form is open, and so can be sent, only while a partner is chosen.
      register={(fields) =>
        create.mutateAsync({ ...fields, partnerId: partner!.partnerId, partnerKind: partner!.kind })
      }
      registering={create.isPending}
      onClose={onClose}
      onIssued={onIssued}
    />
  );
}
