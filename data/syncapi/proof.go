package syncapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// How actions are proven (docs/SYNC.md has the whole design).
//
// When a person signs in while the server is reachable, the device asks
// POST /v1/signin with the person's password; the server checks it
// against the verifier of the person record it holds and answers with a
// signing key for that person on that device:
//
//	key = HMAC-SHA256(server secret, "humasdesk-key-v1" | device id | person id | verifier)
//
// The device keeps the key wrapped under a key derived from the password
// (data/store), so it can sign that person's changes later, offline too,
// but only after that person signed in again. Every change made while
// the person is signed in carries ActorID and Proof = OpProof(key, op):
// an HMAC over the op's identity and a hash of its data. The server
// recomputes the key and the proof. The op id is inside the MAC, so a
// proof moved to another op fails, and a replayed op is answered as a
// duplicate by the op log; the verifier is inside the key, so a password
// change revokes every key issued before it.

// SignInRequest is the body of POST /v1/signin (with the device token).
type SignInRequest struct {
	PersonID string `json:"person_id"`
	Password string `json:"password"`
	Schema   int    `json:"schema"`
}

// SignInResponse carries the person's signing key on this device
// (base64), shown once; the server keeps no copy (it recomputes it).
type SignInResponse struct {
	PersonID string `json:"person_id"`
	Key      string `json:"key"`
}

// SigningKey derives the key of a person on a device from the server's
// secret and the verifier the server holds.
func SigningKey(secret []byte, deviceID, personID, verifier string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(strings.Join([]string{"humasdesk-key-v1", deviceID, personID, verifier}, "\n")))
	return m.Sum(nil)
}

// OpProof is the proof of op under key: an HMAC of its op id, kind, id,
// office, operation, actor and the SHA-256 of its data, as base64.
func OpProof(key []byte, op Op) string {
	sum := sha256.Sum256(op.Data)
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strings.Join([]string{"humasdesk-op-v1", op.OpID, op.Kind, op.ID, op.OfficeID, op.Op,
		op.ActorID, hex.EncodeToString(sum[:])}, "\n")))
	return base64.RawStdEncoding.EncodeToString(m.Sum(nil))
}

// ProofValid reports whether op carries the proof key makes (constant
// time).
func ProofValid(key []byte, op Op) bool {
	got, err := base64.RawStdEncoding.DecodeString(op.Proof)
	if err != nil {
		return false
	}
	want, _ := base64.RawStdEncoding.DecodeString(OpProof(key, op))
	return hmac.Equal(got, want)
}
