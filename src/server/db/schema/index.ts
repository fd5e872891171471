export * from './core';
export * from './plans';
export * from './activities';
