export { attributeFigures, type Attribution, type PageContext } from './attribute';
