// The inputs the API accepts and the web's forms check before sending, with one set of messages.

export * from './customer';
export * from './fields';
export * from './reminder';
export * from './settings';
export * from './vehicle';
export * from './version';
export * from './vin';
export * from './work-order';
export * from './work-order-vocabulary';
