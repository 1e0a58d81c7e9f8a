import type { Metadata } from 'next';
import { MessageTemplates } from '~/components/messages/message-templates';
import { ShopSettings } from '~/components/settings/settings-form';

export const metadata: Metadata = { title: 'Shop settings' };

/** Admin: the shop's details, default rates, currency and time zone (the layout prefetches them). */
export default function SettingsPage() {
  return (
    <section className="narrow">
      <h1>Shop settings</h1>
      <ShopSettings />
      <MessageTemplates editable />
    </section>
  );
}
