package syncapi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// WriteChanges writes page as JSON: the document a json.Encoder makes of
// it, except that each record's data is copied as it is rather than
// checked and compacted again (so spaces, or <, > and & in it, stay as
// they are): that second pass over 100,000 records' data cost the server
// more CPU than reading them from its database. Data must be valid JSON,
// which it is when the server stores only what it has decoded.
func WriteChanges(w io.Writer, page *ChangesResponse) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if page.Changes == nil {
		bw.WriteString(`{"changes":null`)
	} else {
		bw.WriteString(`{"changes":[`)
	}
	for i, r := range page.Changes {
		if i > 0 {
			bw.WriteByte(',')
		}
		data := r.Data
		r.Data = nil
		env, err := json.Marshal(r)
		if err != nil {
			return err
		}
		// The envelope ends with its last field, "data":null}.
		head, ok := bytes.CutSuffix(env, []byte(`null}`))
		if !ok {
			return fmt.Errorf("syncapi: unexpected record envelope %s", env)
		}
		bw.Write(head)
		if len(data) == 0 {
			bw.WriteString("null")
		} else {
			bw.Write(data)
		}
		bw.WriteByte('}')
	}
	if page.Changes != nil {
		bw.WriteByte(']')
	}
	fmt.Fprintf(bw, `,"next":%d,"more":%t,"head":%d}`+"\n", page.Next, page.More, page.Head)
	return bw.Flush()
}
