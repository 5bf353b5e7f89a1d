-- FTS5 holds up to hashsize bytes of new index in memory before it writes
-- them out as a segment. With 16 MiB (migration 8), rebuilding the index of
-- 100,000 stories left it in 12 segments, and a search for a common word or
-- a phrase, which reads the word's list from every segment, took a third
-- longer than with the 8 that 64 MiB leaves, at the same indexing cost. The
-- memory is held only while a transaction has that much new index: a
-- rebuild, not a story's publication.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 67108864);
