"""storyline: raw news pages in, clean articles, entities, quotations and stories out."""
