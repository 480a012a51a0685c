package server

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/humasdesk/humasdesk/data/syncapi"
)

// API serves the /v1 protocol over a Store.
type API struct {
	st  *Store
	log *slog.Logger
	mux *http.ServeMux
}

// NewAPI returns the HTTP handler of the server.
func NewAPI(st *Store, log *slog.Logger) *API {
	a := &API{st: st, log: log, mux: http.NewServeMux()}
	a.mux.HandleFunc("GET /healthz", a.health)
	a.mux.HandleFunc("POST /v1/enroll", a.enroll)
	a.mux.HandleFunc("POST /v1/enroll/cancel", a.authed(a.cancelEnroll))
	a.mux.HandleFunc("GET /v1/changes", a.authed(a.changes))
	a.mux.HandleFunc("POST /v1/push", a.authed(a.push))
	a.mux.HandleFunc("POST /v1/signin", a.authed(a.signIn))
	a.mux.HandleFunc("HEAD /v1/attachments/{hash}", a.authed(a.headAttachment))
	a.mux.HandleFunc("GET /v1/attachments/{hash}", a.authed(a.getAttachment))
	a.mux.HandleFunc("PUT /v1/attachments/{hash}", a.authed(a.putAttachment))
	return a
}

// ServeHTTP logs every request without its headers or body, so that
// tokens and enrollment codes never reach the log.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	a.mux.ServeHTTP(rec, r)
	a.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
		"ms", time.Since(start).Milliseconds(), "device", rec.device)
}

type statusWriter struct {
	http.ResponseWriter
	status int
	device string
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

type ctxKey struct{}

// authed requires a valid, unrevoked device token.
func (a *API) authed(h func(http.ResponseWriter, *http.Request, *Device)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := bearer(r.Header.Get("Authorization"))
		if !ok {
			writeError(w, http.StatusUnauthorized, "unauthorized", "token perangkat tidak ada")
			return
		}
		dev, err := a.st.Authenticate(r.Context(), token)
		if err != nil {
			writeError(w, http.StatusUnauthorized, "unauthorized", ErrBadToken.Error())
			return
		}
		if sw, ok := w.(*statusWriter); ok {
			sw.device = dev.ID
		}
		h(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, dev)), dev)
	}
}

// bearer returns the token of an Authorization header of the Bearer
// scheme; the scheme's name is case-insensitive (RFC 7235, 2.1).
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

func (a *API) health(w http.ResponseWriter, r *http.Request) {
	if err := a.st.db.WithContext(r.Context()).Exec("SELECT 1").Error; err != nil {
		writeError(w, http.StatusServiceUnavailable, "unavailable", "database tidak dapat dihubungi")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "schema": syncapi.SchemaVersion})
}

func (a *API) enroll(w http.ResponseWriter, r *http.Request) {
	var req syncapi.EnrollRequest
	if !a.decode(w, r, &req) || !schemaOK(w, req.Schema) {
		return
	}
	dev, token, office, err := a.st.EnrollFor(r.Context(), req.Code, req.DeviceName, req.OfficeID)
	if errors.Is(err, ErrBadCode) {
		writeError(w, http.StatusUnauthorized, "bad_code", err.Error())
		return
	}
	if errors.Is(err, ErrOfficeMismatch) {
		writeError(w, http.StatusConflict, syncapi.CodeOfficeMismatch, err.Error())
		return
	}
	if err != nil {
		a.internal(w, r, err)
		return
	}
	rec, err := a.st.officeRecord(r.Context(), office.ID)
	if err != nil {
		a.internal(w, r, err)
		return
	}
	a.log.Info("device enrolled", "device", dev.ID, "office", office.ID)
	writeJSON(w, http.StatusOK, syncapi.EnrollResponse{DeviceID: dev.ID, Token: token, OfficeRecord: rec,
		Office: syncapi.Office{ID: office.ID, Name: office.Name, Kind: office.Kind, Level: office.Level, ParentID: office.ParentID}})
}

// cancelEnroll revokes the calling device, enrolled by an installation
// that then could not adopt the enrollment (CancelEnrollment).
func (a *API) cancelEnroll(w http.ResponseWriter, r *http.Request, dev *Device) {
	if err := a.st.CancelEnrollment(r.Context(), dev); err != nil {
		a.internal(w, r, err)
		return
	}
	a.log.Info("enrollment cancelled", "device", dev.ID, "office", dev.OfficeID)
	w.WriteHeader(http.StatusNoContent)
}

func (a *API) changes(w http.ResponseWriter, r *http.Request, dev *Device) {
	q := r.URL.Query()
	since, err := strconv.ParseInt(q.Get("since"), 10, 64)
	if q.Get("since") == "" {
		since, err = 0, nil
	}
	if err != nil || since < 0 {
		writeError(w, http.StatusBadRequest, "bad_cursor", "parameter since harus bilangan bulat ≥ 0")
		return
	}
	limit := 500
	if l := q.Get("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > syncapi.MaxPullLimit {
			writeError(w, http.StatusBadRequest, "bad_limit", fmt.Sprintf("parameter limit harus 1 sampai %d", syncapi.MaxPullLimit))
			return
		}
	}
	if office := q.Get("office"); office != "" {
		// An explicit office outside the device's scope is a read across.
		tree, err := a.st.officeTree(r.Context(), dev.OfficeID)
		if err != nil {
			a.internal(w, r, err)
			return
		}
		if !contains(tree, office) {
			writeError(w, http.StatusForbidden, "forbidden", "kantor itu di luar cakupan perangkat ini")
			return
		}
	}
	resp, err := a.st.Changes(r.Context(), dev, since, limit)
	if err != nil {
		a.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Add("Vary", "Accept-Encoding")
	var out io.Writer = w
	if pageBytes(resp) >= gzipMinBytes && acceptsGzip(r) {
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(w)
		defer func() {
			zw.Close()
			gzipWriters.Put(zw)
		}()
		w.Header().Set("Content-Encoding", "gzip")
		out = zw
	}
	w.WriteHeader(http.StatusOK)
	if err := syncapi.WriteChanges(out, resp); err != nil {
		// Mid-answer: the device sees a cut reply and asks again.
		a.log.Warn("changes not written", "path", r.URL.Path, "err", err)
	}
}

// gzipMinBytes is the size of page worth gzipping: below it the bytes
// saved are few and the compressor's fixed cost per answer (it clears
// its tables) is most of a small pull's CPU.
const gzipMinBytes = 16 << 10

// pageBytes estimates the size of a page of changes as JSON.
func pageBytes(p *syncapi.ChangesResponse) int {
	n := 0
	for _, r := range p.Changes {
		n += len(r.Data) + 200 // the envelope
	}
	return n
}

// gzipWriters are reused: each holds some 800 KB of compressor state.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return zw
}}

// acceptsGzip tells whether the request accepts a gzipped answer. Pages of
// changes are gzipped at the fastest level: 1.4 MB of JSON for 1,000
// records becomes about 0.15 MB in some 8 ms (docs/SYNC.md).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			return strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0"
		}
	}
	return false
}

func (a *API) push(w http.ResponseWriter, r *http.Request, dev *Device) {
	var req syncapi.PushRequest
	if !a.decode(w, r, &req) || !schemaOK(w, req.Schema) {
		return
	}
	if req.DeviceID != dev.ID {
		writeError(w, http.StatusForbidden, "forbidden", "device_id tidak cocok dengan token")
		return
	}
	if len(req.Ops) > syncapi.MaxOpsPerPush {
		writeError(w, http.StatusRequestEntityTooLarge, "too_many_ops", fmt.Sprintf("paling banyak %d op sekali kirim", syncapi.MaxOpsPerPush))
		return
	}
	results, err := a.st.Push(r.Context(), dev, req.Ops)
	var forbidden ErrForbidden
	if errors.As(err, &forbidden) {
		writeError(w, http.StatusForbidden, "forbidden", forbidden.Reason)
		return
	}
	if err != nil {
		a.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, syncapi.PushResponse{Results: results})
}

// headAttachment answers like getAttachment without the bytes: 404 for a
// hash the server does not hold, 403 for one outside the device's scope.
func (a *API) headAttachment(w http.ResponseWriter, r *http.Request, dev *Device) {
	hash := r.PathValue("hash")
	if validHash(hash) != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	access, err := a.st.AttachmentAccess(r.Context(), dev, hash)
	if err != nil {
		a.internal(w, r, err)
		return
	}
	w.WriteHeader(accessStatus[access])
}

var accessStatus = map[Access]int{AccessMissing: http.StatusNotFound, AccessDenied: http.StatusForbidden, AccessGranted: http.StatusOK}

func (a *API) getAttachment(w http.ResponseWriter, r *http.Request, dev *Device) {
	hash := r.PathValue("hash")
	if err := validHash(hash); err != nil {
		writeError(w, http.StatusBadRequest, "bad_hash", err.Error())
		return
	}
	access, err := a.st.AttachmentAccess(r.Context(), dev, hash)
	if err != nil {
		a.internal(w, r, err)
		return
	}
	switch access {
	case AccessMissing:
		writeError(w, http.StatusNotFound, "not_found", "foto belum diunggah")
		return
	case AccessDenied:
		writeError(w, http.StatusForbidden, "forbidden", "foto itu tidak diunggah oleh kantor dalam cakupan perangkat ini")
		return
	}
	att, err := a.st.Attachment(r.Context(), hash)
	if errors.Is(err, ErrNotFound) {
		writeError(w, http.StatusNotFound, "not_found", "foto belum diunggah")
		return
	}
	if err != nil {
		a.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", att.Mime)
	w.Header().Set("Content-Length", strconv.FormatInt(att.Size, 10))
	w.Write(att.Bytes)
}

func (a *API) putAttachment(w http.ResponseWriter, r *http.Request, dev *Device) {
	hash := r.PathValue("hash")
	if err := validHash(hash); err != nil {
		writeError(w, http.StatusBadRequest, "bad_hash", err.Error())
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, syncapi.MaxAttachmentBytes))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("lampiran paling besar %d MB", syncapi.MaxAttachmentBytes>>20))
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_body", "isi permintaan tidak dapat dibaca")
		return
	}
	if err := a.st.PutAttachment(r.Context(), dev, hash, body); err != nil {
		writeError(w, http.StatusBadRequest, "bad_attachment", err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// statusClientGone is logged for a request whose client went away before
// its answer (nginx's 499): nobody reads it, and it is no server error.
const statusClientGone = 499

// internal logs the cause and answers 500 without details; a failure
// because the client disconnected (its request's context is canceled) is
// logged as such instead.
func (a *API) internal(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		a.log.Info("client gone", "path", r.URL.Path, "err", err, "cause", context.Cause(r.Context()))
		w.WriteHeader(statusClientGone)
		return
	}
	a.log.Error("internal error", "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, "internal", "kesalahan server; coba lagi nanti")
}

// decode reads a JSON body of at most MaxBodyBytes, answering 413 or 400.
// A body that stops because the client went away mid-upload (the read
// itself fails, not the JSON) is logged as a client gone, like internal
// does for a request canceled later: it is neither bad input nor a
// server error.
func (a *API) decode(w http.ResponseWriter, r *http.Request, into any) bool {
	body := &readErr{r: http.MaxBytesReader(w, r.Body, syncapi.MaxBodyBytes)}
	err := json.NewDecoder(body).Decode(into)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("permintaan paling besar %d MB", syncapi.MaxBodyBytes>>20))
		return false
	case err != nil && body.err != nil:
		a.log.Info("client gone", "path", r.URL.Path, "err", body.err)
		w.WriteHeader(statusClientGone)
		return false
	case err != nil:
		writeError(w, http.StatusBadRequest, "bad_json", "isi permintaan bukan JSON yang sah: "+err.Error())
		return false
	}
	return true
}

// readErr remembers a failure of the body read itself (not its end), so
// that decode can tell a dropped connection from bad JSON.
type readErr struct {
	r   io.Reader
	err error
}

func (b *readErr) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	var tooBig *http.MaxBytesError
	if err != nil && err != io.EOF && !errors.As(err, &tooBig) {
		b.err = err
	}
	return n, err
}

// schemaOK accepts this schema and the one before it.
func schemaOK(w http.ResponseWriter, schema int) bool {
	if schema == syncapi.SchemaVersion || schema == syncapi.SchemaVersion-1 && schema > 0 {
		return true
	}
	writeError(w, http.StatusBadRequest, "bad_schema", fmt.Sprintf("versi skema %d tidak didukung (server: %d); perbarui aplikasi", schema, syncapi.SchemaVersion))
	return false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, syncapi.Error{Error: msg, Code: code})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
