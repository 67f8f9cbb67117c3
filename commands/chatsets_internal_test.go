package commands

// ChatSets are chatSets for the package's external tests (the examples'
// generator reads the same sets as the cross-validation).
var ChatSets = chatSets
