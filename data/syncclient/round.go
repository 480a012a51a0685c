package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// Report counts what one round moved.
type Report struct {
	Pushed, Applied, Conflicts, Rejected int
	Deferred                             int // kinds the server does not know yet; kept queued
	Pulled                               int
	PhotosUp, PhotosDown                 int
	AttachmentsUp, AttachmentsDown       int // documents (data.Attachment)
}

func (r Report) String() string {
	s := fmt.Sprintf("dikirim %d (diterapkan %d, konflik %d, ditolak %d), diterima %d, foto naik %d, foto turun %d",
		r.Pushed, r.Applied, r.Conflicts, r.Rejected, r.Pulled, r.PhotosUp, r.PhotosDown)
	if r.AttachmentsUp+r.AttachmentsDown > 0 {
		s += fmt.Sprintf(", lampiran naik %d, lampiran turun %d", r.AttachmentsUp, r.AttachmentsDown)
	}
	return s
}

// Batch sizes of a round.
var (
	PushBatch = 200
	PullLimit = syncapi.MaxPullLimit
)

// Sync runs one full round. Photos go up first, so that another device
// that learns of a photo can fetch its file; then the outbox is pushed
// until empty, so that the pull finds the server's answer to our own
// edits; then the feed is pulled to its end and missing photos fetched.
func (c *Client) Sync(ctx context.Context) (Report, error) {
	var r Report
	if err := c.uploadPhotos(ctx, &r); err != nil {
		return r, err
	}
	if err := c.push(ctx, &r); err != nil {
		return r, err
	}
	if signed, err := c.pendingSignIn(ctx); err != nil {
		return r, err
	} else if signed {
		// The person's changes that waited for their key are signed now.
		if err := c.push(ctx, &r); err != nil {
			return r, err
		}
	}
	if err := c.pull(ctx, &r); err != nil {
		return r, err
	}
	if err := c.downloadPhotos(ctx, &r); err != nil {
		return r, err
	}
	return r, c.st.MarkSynced(ctx, time.Now())
}

func (c *Client) push(ctx context.Context, r *Report) error {
	batch := PushBatch
	deferred := map[int64]bool{} // ops the server cannot take yet; next round
	for {
		sent, err := c.st.PreparePush(ctx, batch, deferred)
		if err != nil || len(sent) == 0 {
			return err
		}
		req := syncapi.PushRequest{DeviceID: c.dev, Schema: syncapi.SchemaVersion, Ops: make([]syncapi.Op, len(sent))}
		for i, e := range sent {
			req.Ops[i] = toOp(e)
		}
		var resp syncapi.PushResponse
		if err := c.call(ctx, http.MethodPost, "/v1/push", req, &resp); err != nil {
			// A batch of long records can be larger than the server
			// takes; it applied none of it, so send it again in halves
			// rather than block the queue for good.
			var he *HTTPError
			if errors.As(err, &he) && he.Status == http.StatusRequestEntityTooLarge && len(sent) > 1 {
				batch = len(sent) / 2
				continue
			}
			return err
		}
		out, err := c.st.ApplyPushResults(ctx, sent, resp.Results)
		if err != nil {
			return err
		}
		r.Pushed += len(sent)
		r.Applied += out.Applied
		r.Conflicts += out.Conflicts
		r.Rejected += out.Rejected
		for _, seq := range out.Deferred {
			deferred[seq] = true
		}
		r.Deferred += len(out.Deferred)
	}
}

func toOp(e store.OutboxEntry) syncapi.Op {
	var meta struct {
		OfficeID  string    `json:"office_id"`
		UpdatedAt time.Time `json:"updated_at"`
		UpdatedBy string    `json:"updated_by"`
	}
	_ = json.Unmarshal([]byte(e.Payload), &meta) // the store wrote it; missing fields stay empty
	op := syncapi.OpUpsert
	if e.Op == store.OpDelete {
		op = syncapi.OpDelete
	}
	return syncapi.Op{OpID: e.OpID, OpSeq: e.Seq, Kind: e.Kind, ID: e.RecordID, OfficeID: meta.OfficeID, Op: op,
		BaseVersion: e.BaseVersion, UpdatedAt: meta.UpdatedAt, UpdatedBy: meta.UpdatedBy, Data: []byte(e.Payload),
		ActorID: e.ActorID, Proof: e.Proof}
}

func (c *Client) pull(ctx context.Context, r *Report) (err error) {
	state, err := c.st.SyncState(ctx)
	if err != nil {
		return err
	}
	// The next page is fetched and decoded while this one is written to
	// the local database, on the other core: a first sync of 100,000
	// records spends most of its time in those writes. A failed apply
	// cancels the fetch in flight.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cursor := state.Cursor
	// A bulk load left over (its end failed, or another process began
	// it) is ended with this round.
	bulk, err := c.st.BulkLoading(ctx)
	if err != nil {
		return err
	}
	next := c.fetchPage(ctx, cursor)
	defer func() {
		if bulk {
			// Also after a failure or a cancel: the indexes must be
			// whole again for the user's next search. The fetch in
			// flight is of no more use.
			cancel()
			err = errors.Join(err, c.st.EndBulkLoad(context.WithoutCancel(ctx)))
		}
	}()
	for {
		f := <-next
		if f.err != nil {
			return f.err
		}
		page := f.page.Page()
		if cursor > page.Head {
			// The server forgot what we had seen: it was restored from a
			// backup. Start over; pages apply idempotently.
			if err := c.st.ResetCursor(ctx); err != nil {
				return err
			}
			cursor = 0
			next = c.fetchPage(ctx, cursor)
			continue
		}
		if page.Next < cursor {
			return fmt.Errorf("server mengirim kursor mundur (%d < %d)", page.Next, cursor)
		}
		if page.More {
			next = c.fetchPage(ctx, page.Next)
		}
		// A whole feed from the start, as on a new device: indexes are
		// built once at the end rather than kept up row by row.
		if cursor == 0 && page.More && !bulk {
			if err := c.st.BeginBulkLoad(ctx); err != nil {
				return err
			}
			bulk = true
		}
		n, err := c.st.ApplyDecoded(ctx, f.page)
		if err != nil {
			return err
		}
		r.Pulled += n
		cursor = page.Next
		if !page.More {
			return nil
		}
	}
}

type fetched struct {
	page *store.DecodedPage
	err  error
}

// fetchPage asks for the page after since, and decodes its records, in
// the background.
func (c *Client) fetchPage(ctx context.Context, since int64) <-chan fetched {
	out := make(chan fetched, 1)
	go func() {
		var page syncapi.ChangesResponse
		path := fmt.Sprintf("/v1/changes?since=%d&limit=%d", since, PullLimit)
		if err := c.call(ctx, http.MethodGet, path, nil, &page); err != nil {
			out <- fetched{nil, err}
			return
		}
		out <- fetched{store.DecodeChanges(&page), nil}
	}()
	return out
}

// blob is a file sync moves by hash: a photo's or an attachment's. count
// is the report's counter it adds to.
type blob struct {
	hash, mime string
	count      *int
}

// blobsToUpload lists this office's photo and attachment files the server
// has not confirmed receiving.
func (c *Client) blobsToUpload(ctx context.Context, r *Report) ([]blob, error) {
	photos, err := c.st.PhotosToUpload(ctx)
	if err != nil {
		return nil, err
	}
	docs, err := c.st.AttachmentsToUpload(ctx)
	if err != nil {
		return nil, err
	}
	var out []blob
	for _, p := range photos {
		out = append(out, blob{p.Hash, p.Mime, &r.PhotosUp})
	}
	for _, a := range docs {
		out = append(out, blob{a.Hash, a.Mime, &r.AttachmentsUp})
	}
	return out, nil
}

// missingBlobs lists the live photo and attachment files not on this disk.
func (c *Client) missingBlobs(ctx context.Context, r *Report) ([]blob, error) {
	photos, err := c.st.MissingPhotoFiles(ctx)
	if err != nil {
		return nil, err
	}
	docs, err := c.st.MissingAttachmentFiles(ctx)
	if err != nil {
		return nil, err
	}
	var out []blob
	for _, p := range photos {
		out = append(out, blob{p.Hash, p.Mime, &r.PhotosDown})
	}
	for _, a := range docs {
		out = append(out, blob{a.Hash, a.Mime, &r.AttachmentsDown})
	}
	return out, nil
}

func (c *Client) uploadPhotos(ctx context.Context, r *Report) error {
	blobs, err := c.blobsToUpload(ctx, r)
	if err != nil {
		return err
	}
	for _, p := range blobs {
		raw, err := os.ReadFile(c.st.FilePath(p.hash, p.mime))
		if err != nil {
			continue // the file is gone locally; nothing to upload
		}
		path := "/v1/attachments/" + p.hash
		head, _ := http.NewRequestWithContext(ctx, http.MethodHead, c.base+path, nil)
		if resp, err := c.do(head); err == nil {
			resp.Body.Close()
		} else if he, ok := err.(*HTTPError); !ok || (he.Status != http.StatusNotFound && he.Status != http.StatusForbidden) {
			return err
		} else {
			// 404: not there yet; 403: there, but only from offices
			// outside this one's scope. Uploading the bytes proves this
			// office holds the file and lets its scope read it.
			put, _ := http.NewRequestWithContext(ctx, http.MethodPut, c.base+path, bytes.NewReader(raw))
			put.Header.Set("Content-Type", p.mime)
			resp, err := c.do(put)
			if err != nil {
				return err
			}
			resp.Body.Close()
			*p.count++
		}
		if err := c.st.MarkUploaded(ctx, p.hash); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) downloadPhotos(ctx context.Context, r *Report) error {
	missing, err := c.missingBlobs(ctx, r)
	if err != nil {
		return err
	}
	for _, p := range missing {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/v1/attachments/"+p.hash, nil)
		resp, err := c.do(req)
		if he, ok := err.(*HTTPError); ok && (he.Status == http.StatusNotFound || he.Status == http.StatusForbidden) {
			continue // not uploaded yet by its office; next round
		}
		if err != nil {
			return err
		}
		raw, err := io.ReadAll(io.LimitReader(resp.Body, syncapi.MaxAttachmentBytes+1))
		resp.Body.Close()
		if err != nil {
			return err
		}
		if err := c.st.StorePhotoFile(p.hash, p.mime, raw); err != nil {
			return err
		}
		*p.count++
	}
	return nil
}
