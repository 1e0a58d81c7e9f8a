// The inputs the API accepts and the web's forms check before sending, with one set of messages,
// and the one parser and formatter of money and numbers as people type them.

export * from './auth';
export * from './calendar-date';
export * from './customer';
export * from './fields';
export * from './fitment';
export * from './inspection';
export * from './live';
export * from './message';
export * from './money';
export * from './reminder';
export * from './saved-job';
export * from './schedule';
export * from './settings';
export * from './typed-number';
export * from './vehicle';
export * from './version';
export * from './vin';
export * from './work-order';
export * from './work-order-vocabulary';
