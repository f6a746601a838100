/** The root of every cached knowledge query; its own module, so that the app's live updates import it without the API calls. */
export const knowledgeKey = ['knowledge'] as const;
