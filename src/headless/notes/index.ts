export * from './compile';
export * from './markdown';
