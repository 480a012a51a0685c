package store

import (
	"database/sql/driver"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The glebarez driver binds parameters in time quadratic in their number:
// for each placeholder it searches the argument list from its start. A
// statement of 50 pulled records has some 1,600 of them, and binding took
// about as long as SQLite took to write the rows (CPU profile of
// BenchmarkSyncInitial, docs/BENCHMARKS.md). So the pulled records are
// written as SQL literals instead: gorm builds the statement as it always
// did (DryRun), and its arguments are spelled into the text the way the
// driver would have bound them. SQLite parses a literal about as fast as
// a placeholder.

// sqlTimeFormat is how the driver writes a time.Time (its default, which
// store.dsn keeps).
const sqlTimeFormat = "2006-01-02 15:04:05.999999999-07:00"

// inlineSQL returns stmt's SQL with its arguments spelled as literals, or
// false when one cannot be (a NUL in text, which would end the statement
// early, or a type the driver does not take): the caller binds instead.
func inlineSQL(sql string, vars []any) (string, bool) {
	var b strings.Builder
	b.Grow(len(sql) + 64*len(vars))
	n := 0
	for i := 0; i < len(sql); i++ {
		c := sql[i]
		if c != '?' {
			b.WriteByte(c)
			continue
		}
		if n >= len(vars) {
			return "", false
		}
		if !appendLiteral(&b, vars[n]) {
			return "", false
		}
		n++
	}
	return b.String(), n == len(vars)
}

// appendLiteral writes v as database/sql and the driver would bind it.
func appendLiteral(b *strings.Builder, v any) bool {
	v, err := driver.DefaultParameterConverter.ConvertValue(v)
	if err != nil {
		return false
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("NULL")
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		// The shortest form that reads back as the same float64, and a
		// REAL, as bound, not an INTEGER.
		f := strconv.FormatFloat(x, 'g', -1, 64)
		if strings.ContainsAny(f, "IN") { // ±Inf, NaN: no literal
			return false
		}
		if !strings.ContainsAny(f, ".e") {
			f += ".0"
		}
		b.WriteString(f)
	case bool:
		if x {
			b.WriteString("1")
		} else {
			b.WriteString("0")
		}
	case []byte:
		if x == nil { // the driver's binding of a nil slice decides
			return false
		}
		b.WriteString("X'")
		b.WriteString(hex.EncodeToString(x))
		b.WriteString("'")
	case string:
		return appendText(b, x)
	case time.Time:
		return appendText(b, x.Format(sqlTimeFormat))
	default:
		return false
	}
	return true
}

func appendText(b *strings.Builder, s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return false
	}
	b.WriteByte('\'')
	b.WriteString(strings.ReplaceAll(s, "'", "''"))
	b.WriteByte('\'')
	return true
}

// inlineArgs is off only in a test that compares both ways.
var inlineArgs = true

// execInline runs the statement that fn builds on tx, with its arguments
// spelled as literals, or bound as usual when they cannot be.
func execInline(tx *gorm.DB, fn func(tx *gorm.DB) *gorm.DB) error {
	if !inlineArgs {
		return fn(tx).Error
	}
	dry := fn(tx.Session(&gorm.Session{DryRun: true}))
	if dry.Error != nil {
		return dry.Error
	}
	sql, ok := inlineSQL(dry.Statement.SQL.String(), dry.Statement.Vars)
	if !ok {
		return fn(tx).Error
	}
	_, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, sql)
	return err
}
