// Package token makes and hashes the dashboard's secrets: sign-in link
// tokens, session ids and CSRF tokens. The chat command that issues a
// link, the store and the web adapter all use it, so that they agree.
package token

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// New returns a random 128-bit secret, base64url without padding.
func New() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// Hash is what is stored of a secret: its SHA-256 in hex.
func Hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}
