export {
  aboutEntities,
  attributeFigures,
  isAboutStory,
  STORY_MENTIONS,
  type Attribution,
  type PageContext,
} from './attribute';
