// The inputs the API accepts and the web's forms check before sending, with one set of messages.

export * from './calendar-date';
export * from './customer';
export * from './fields';
export * from './live';
export * from './reminder';
export * from './settings';
export * from './vehicle';
export * from './vin';
export * from './work-order';
export * from './work-order-vocabulary';
