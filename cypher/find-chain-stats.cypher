// A chain's precomputed firms per (region, segment) (refresh-chain-stats) for the relatedness
// proximities; the lists only when the caller's cached copy ($knownStamp) is out of date.
// No row: the chain has no stats yet (a database written before they existed), computed live then.
MATCH (st:ChainStats {chain: $chain})
RETURN st.stamp AS stamp,
       CASE WHEN st.stamp = $knownStamp THEN null ELSE st.regions END AS regions,
       CASE WHEN st.stamp = $knownStamp THEN null ELSE st.segments END AS segments,
       CASE WHEN st.stamp = $knownStamp THEN null ELSE st.counts END AS counts
LIMIT 1
