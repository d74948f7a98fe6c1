export * from './standards.js';
export * from './subjects.js';
export * from './elections.js';
export * from './users.js';
export * from './evidence.js';
export * from './events.js';
export * from './audit.js';
export * from './translations.js';
