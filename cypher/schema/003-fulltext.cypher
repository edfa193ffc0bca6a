// Names, English names and aliases; the CJK analyzer indexes Chinese as overlapping bigrams,
// so a part of a name (纳爱斯 in 纳爱斯集团) matches without word segmentation.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Region|Chain|Segment|Firm|Organization|Fund|Institute|Park|Project)
ON EACH [n.name, n.nameEn, n.aliasesText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
