// Which version of the derived search keys (nameInitials) every entity is known to carry.
OPTIONAL MATCH (v:DataVersion {id: 'search-keys'})
RETURN v.version AS version
