// Pinyin initials of names and aliases (丽水美妆有限公司 → lsmzyxgs; server/search/name-initials.ts),
// one lowercase word per name, so `lsmz` finds the firm by prefix. Whitespace analyzer: the words
// are already lowercased letters and digits, and must not be split further.
CREATE FULLTEXT INDEX entity_initials IF NOT EXISTS
FOR (n:Region|Chain|Segment|Firm|Organization|Fund|Institute|Park|Project)
ON EACH [n.nameInitials]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } };
