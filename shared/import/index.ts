export * from './source';
export * from './text-source';
export * from './context';
export { recognise, NotAPlanError, type ImportResult, type RecognisedParagraph } from './recognise';
