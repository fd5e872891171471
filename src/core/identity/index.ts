export * from './result';
export * from './normalize';
export * from './dates';
export * from './idNumber';
export * from './disability';
export * from './mask';
export * from './random';
export * from './synthetic';
