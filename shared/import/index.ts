export * from './source';
export * from './text-source';
export * from './context';
export { recognise, NotAPlanError, type ImportResult, type RecognisedParagraph, type RecogniseOptions } from './recognise';
export { OVERRIDABLE_ROLES, type OverridableRole } from './lines';
