export * from './state';
export * from './rows';
export * from './query';
