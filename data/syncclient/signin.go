package syncclient

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"

	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// SignIn signs a person in with the server after they signed in on the
// device (store.Store.SignIn; each sync round also does it by itself for
// the signed-in person while the device has no key of theirs), so that this device receives their
// signing key and can prove their changes, offline too, from then on
// (docs/SYNC.md, "How actions are proven"). The outbox is pushed first:
// a password changed on this device must reach the server before the
// new password can be checked there. Changes of theirs that waited for
// the key are signed at once and go with the next round.
//
// An error is not fatal to the local session: the person works on, and
// their changes that need a proof wait until a later online sign-in.
func (c *Client) SignIn(ctx context.Context, personID, password string) error {
	var r Report
	if err := c.push(ctx, &r); err != nil {
		return err
	}
	return c.signIn(ctx, personID, password)
}

// pendingSignIn signs in the person the store asks for (an offline
// sign-in on an enrolled device without their key), after the round's
// push; it reports whether it did. A refusal of the password is not the
// round's failure: the store forgets the password, and the person's next
// sign-in tries again.
func (c *Client) pendingSignIn(ctx context.Context) (bool, error) {
	id, password, ok := c.st.PendingOnlineSignIn()
	if !ok {
		return false, nil
	}
	err := c.signIn(ctx, id, password)
	var he *HTTPError
	switch {
	case errors.As(err, &he) && he.Code == "bad_signin":
		c.st.ForgetOnlineSignIn(id)
		return false, nil
	case errors.As(err, &he) && he.Code == "signin_wait":
		return false, nil
	}
	return err == nil, err
}

func (c *Client) signIn(ctx context.Context, personID, password string) error {
	var resp syncapi.SignInResponse
	req := syncapi.SignInRequest{PersonID: personID, Password: password, Schema: syncapi.SchemaVersion}
	if err := c.call(ctx, http.MethodPost, "/v1/signin", req, &resp); err != nil {
		return err
	}
	key, err := base64.StdEncoding.DecodeString(resp.Key)
	if err != nil || len(key) == 0 {
		return fmt.Errorf("kunci dari server tidak terbaca")
	}
	return c.st.AdoptSigningKey(ctx, personID, password, key)
}

// SignInOnline is SignIn for an installation that may not be enrolled:
// it answers ErrNotEnrolled then, which the caller may ignore.
func SignInOnline(ctx context.Context, st *store.Store, hc *http.Client, personID, password string) error {
	c, err := New(st, hc)
	if err != nil {
		return err
	}
	return c.SignIn(ctx, personID, password)
}
