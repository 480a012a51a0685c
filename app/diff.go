package app

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxDiffCells bounds the table of a word diff (about 8 MB). Beyond it,
// after their common start and end, two texts are marked as changed
// whole rather than compared word by word.
const maxDiffCells = 1 << 21

// diffTexts shows a and b, each with the words the other lacks marked,
// so that what changed in a long text is seen at once.
func diffTexts(a, b string) (mine, theirs *widget.RichText) {
	ta, tb := tokens(a), tokens(b)
	ka, kb := common(ta, tb)
	return marked(ta, ka), marked(tb, kb)
}

// tokens splits s into words (runs of letters and digits), runs of
// spaces, and single other characters, so that a changed full stop does
// not mark the word before it; joining them gives s back.
func tokens(s string) []string {
	class := func(r rune) int {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return 1
		case unicode.IsSpace(r):
			return 2
		}
		return 3
	}
	var out []string
	start, prev := 0, 0
	for i, r := range s {
		c := class(r)
		if i > 0 && (c != prev || c == 3) {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// common marks the tokens of a and b that belong to a longest common
// subsequence of both.
func common(a, b []string) (keepA, keepB []bool) {
	keepA, keepB = make([]bool, len(a)), make([]bool, len(b))
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		keepA[pre], keepB[pre] = true, true
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		keepA[len(a)-1-suf], keepB[len(b)-1-suf] = true, true
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n == 0 || m == 0 || (n+1)*(m+1) > maxDiffCells {
		return keepA, keepB
	}
	// lcs[i*(m+1)+j] is the length of the LCS of ma[i:] and mb[j:].
	lcs := make([]int32, (n+1)*(m+1))
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i*(m+1)+j] = lcs[(i+1)*(m+1)+j+1] + 1
			} else {
				lcs[i*(m+1)+j] = max(lcs[(i+1)*(m+1)+j], lcs[i*(m+1)+j+1])
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case ma[i] == mb[j]:
			keepA[pre+i], keepB[pre+j] = true, true
			i++
			j++
		case lcs[(i+1)*(m+1)+j] >= lcs[i*(m+1)+j+1]:
			i++
		default:
			j++
		}
	}
	return keepA, keepB
}

// changedStyle marks words that differ: bold, in the theme's warning
// colour, which reads on light and dark themes alike.
var changedStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}

// marked is a wrapping text of tokens with those not kept marked. An
// empty text shows as a dash.
func marked(toks []string, keep []bool) *widget.RichText {
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	if len(toks) == 0 {
		rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: "—",
			Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}}}
		rt.Refresh()
		return rt
	}
	var segs []widget.RichTextSegment
	for i := 0; i < len(toks); {
		j, text := i, ""
		for j < len(toks) && keep[j] == keep[i] {
			text += toks[j]
			j++
		}
		style := widget.RichTextStyleInline
		if !keep[i] {
			style = changedStyle
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: style})
		i = j
	}
	rt.Segments = segs
	rt.Refresh()
	return rt
}
