export * from './core';
export * from './plans';
export * from './activities';
export * from './households';
export * from './screening';
