package knowledge

import "embed"

// builtinFS holds the built-in topic files.
//
//go:embed kb/*.md
var builtinFS embed.FS
