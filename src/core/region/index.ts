export * from './provinces';
export * from './divisionCode';
export * from './hierarchy';
