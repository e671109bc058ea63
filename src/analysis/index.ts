export * from './util';
export * from './frontier';
export * from './rankCorrelation';
export * from './scaling';
export * from './coverage';
export * from './lines';
export * from './l0Matched';
