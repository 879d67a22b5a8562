// Closes FalkorDB's one-query import: returns {version}, the version the import wrote.
RETURN version
