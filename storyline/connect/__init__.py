"""Connect: which articles tell the same story, across languages."""

from storyline.connect.similarity import Similarity, similarity
from storyline.connect.stories import choose_story, story_keys

__all__ = ["Similarity", "similarity", "choose_story", "story_keys"]
