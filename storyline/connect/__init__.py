"""Connect: wire copies of one item, and which articles tell the same story, across languages."""

from storyline.connect.copies import (
    CopyDifferences, copy_differences, copy_keys, earlier_original, is_copy, match_copy,
)
from storyline.connect.index import VectorIndex
from storyline.connect.meaning import lead_text, load_encoder, vector_bytes, vector_from_bytes
from storyline.connect.similarity import (
    SAME_STORY_THRESHOLD, Profile, Similarity, build_comparer, compare_profiles, profile, similarity,
)
from storyline.connect.stories import StoryChoice, choose_story, story_keys

__all__ = [
    "CopyDifferences", "copy_differences", "copy_keys", "earlier_original", "is_copy", "match_copy",
    "VectorIndex", "lead_text", "load_encoder", "vector_bytes", "vector_from_bytes",
    "SAME_STORY_THRESHOLD", "Profile", "Similarity", "build_comparer", "compare_profiles", "profile", "similarity",
    "StoryChoice", "choose_story", "story_keys",
]
