import type { Metadata } from 'next';
import { MessageTemplates } from '~/components/messages/message-templates';
import { ScheduleSettings } from '~/components/schedule/schedule-settings';
import { WorkingHours } from '~/components/schedule/working-hours';
import { ShopSettings } from '~/components/settings/settings-form';

export const metadata: Metadata = { title: 'Shop settings' };

/** Admin: the shop's details, default rates, currency and time zone (the layout prefetches them); the schedule's bays, opening hours and technicians' hours. */
export default function SettingsPage() {
  return (
    <section className="narrow">
      <h1>Shop settings</h1>
      <ShopSettings />
      <MessageTemplates editable />
      <ScheduleSettings />
      <WorkingHours />
    </section>
  );
}
