// How many synthetic firms the database holds (the bench's --reuse checks the loaded size).
MATCH (f:Synthetic:Firm)
RETURN count(f) AS firms
