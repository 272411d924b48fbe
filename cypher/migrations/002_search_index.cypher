// Full-text search over every name and alias. The cjk analyzer splits Chinese, Japanese and Korean
// text into bigrams, so 알리바바 and 阿里巴巴 match without a word segmenter.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.names]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
