import { customerNames, storageStateOf } from '../support/accounts';
import { mutate } from '../support/api';
import { expect, saveEndState, test } from '../support/fixtures';
import { uniqueTag } from '../support/ui';
import { customerIdOf, newVehicle } from '../support/work-orders';

test.use({ storageState: storageStateOf('staff') });

// The settings side of inspections: what the screens under test are given (a template to edit,
// a vehicle's past visits) is made through the API; the forms and the chart are what is tested.

test('[ADMIN][STAFF][INSPECTION] an admin adds a measured item to a template, staff save a job of labour and a part, the vehicle page predicts the wear', async ({
  page,
  pageAs,
}, testInfo) => {
  const tag = uniqueTag();
  const padLabel = `Front pad ${tag}`;
  const admin = await pageAs('admin');
  const template = await mutate(admin.request, 'inspection', 'createTemplate', {
    name: `Brake check ${tag}`,
    items: [{ section: 'Brakes', label: `Brake fluid ${tag}` }],
  });

  await test.step('the admin adds a pad measured in mm, advisory at 4, required at 3', async () => {
    await admin.goto('/admin/inspection-templates');
    await admin.getByRole('button', { name: `Edit ${template.name}` }).click();
    const form = admin.getByRole('form', { name: `Edit ${template.name}` });
    const items = form.getByRole('group', { name: 'Items' });
    await items.getByRole('button', { name: 'Add an item' }).click();
    const added = items.locator('.form-row').nth(1);
    await expect(added.getByLabel('Section')).toHaveValue('Brakes');
    await added.getByLabel('Item', { exact: true }).fill(padLabel);
    await added.getByLabel('Unit').fill('mm');
    await added.getByLabel('Advisory at').fill('4');
    await added.getByLabel('Required at').fill('3');
    await form.getByRole('button', { name: 'Save template' }).click();
    await expect(form).toHaveCount(0);
    const saved = admin.getByRole('region', { name: template.name });
    await expect(saved.getByRole('row', { name: new RegExp(padLabel) })).toContainText(
      'advisory at 4 mm, required at 3 mm',
    );
  });

  await test.step('staff save a job of a labour line and a part line', async () => {
    const jobName = `Pads and discs ${tag}`;
    await page.goto('/staff/saved-jobs');
    const form = page.getByRole('form', { name: 'New saved job' });
    await form.getByLabel('Name').fill(jobName);
    const lines = form.getByRole('group', { name: 'Lines' });
    const labour = lines.locator('.form-row').nth(0);
    await labour.getByLabel('Description').fill('Replace pads and discs');
    await labour.getByLabel('Hours').fill('1.5');
    await labour.getByLabel('Unit price').fill('120');
    await lines.getByRole('button', { name: 'Add a line' }).click();
    const part = lines.locator('.form-row').nth(1);
    await expect(part.getByLabel('Kind')).toHaveValue('part');
    await part.getByLabel('Description').fill('Pad and disc set');
    await part.getByLabel('Quantity').fill('1');
    await part.getByLabel('Unit price').fill('189.90');
    await part.getByLabel('Part number').fill(`PD-${tag}`);
    await form.getByRole('button', { name: 'Create job' }).click();
    const job = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: jobName }) });
    await expect(job.getByRole('row')).toHaveText([
      /Labour\s*Replace pads and discs\s*1\.5\s*\$120\.00/,
      /Part\s*Pad and disc set\s*1\s*\$189\.90/,
    ]);
    await expect(form.getByLabel('Name')).toHaveValue('');
  });

  const car = await test.step('a car inspected twice with it, 10,000 miles apart', async () => {
    const car = await newVehicle(
      page.request,
      await customerIdOf(page.request, customerNames.alice),
      tag,
      'Fit',
    );
    for (const [odometerIn, measurement] of [
      [car.mileage, '6'],
      [car.mileage + 10_000, '4.5'],
    ] as const) {
      const workOrder = await mutate(page.request, 'workOrder', 'create', {
        vehicleId: car.id,
        concern: `Service ${tag}`,
        odometerIn,
      });
      const started = await mutate(page.request, 'inspection', 'start', {
        workOrderId: workOrder.id,
        templateId: template.id,
      });
      const pad = started.inspection?.items.find((item) => item.label === padLabel);
      if (!pad) throw new Error('the inspection copied the measured item');
      await mutate(page.request, 'inspection', 'gradeItem', {
        id: pad.id,
        version: pad.version,
        grade: 'ok',
        measurement,
      });
    }
    return car;
  });

  await test.step('the vehicle page plots the pad and says when it reaches 3 mm', async () => {
    await page.goto(`/staff/vehicles/${car.id}`);
    const measurements = page.getByRole('region', { name: 'Measurements' });
    const pad = measurements.getByRole('listitem').filter({ hasText: padLabel });
    await expect(pad.locator('svg')).toBeVisible();
    // 6 mm at 30,000 and 4.5 mm at 40,000: 3 mm at 50,000.
    await expect(pad).toContainText(new RegExp(`${padLabel} reaches 3 mm around .*50,000`));
  });

  await saveEndState(testInfo, { admin, staff: page });
});
