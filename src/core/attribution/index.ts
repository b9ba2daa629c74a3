export { attributeFigures, type PageContext } from './attribute';
export { ATTRIBUTES, ATTRIBUTE_BY_ID, type AttributeDefinition } from './schema';
